// The app behind the Lock screen (loaded while it shows): the error, update and key banners, and the
// routes with Home, drawn by App.tsx once loaded. Screens other than Home load lazily (and are
// precached by the service worker, so they open offline too).
import { lazy, Route, Router } from 'preact-iso';
import { AppContext, type AppContextValue } from './actions.ts';
import { StaffOnly } from './handover/StaffOnly.tsx';
import { Home } from './home/Home.tsx';
import { IdleWarning } from './lock/IdleWarning.tsx';
import { LockButton } from './lock/LockButton.tsx';
import { ErrorBanner } from './shared/ErrorBanner.tsx';
import { KeyBanner } from './shared/KeyBanner.tsx';
import { UpdateBanner } from './shared/UpdateBanner.tsx';

const Settings = lazy(() => import('./settings/Settings.tsx').then((m) => m.Settings));
const Story = lazy(() => import('./story/Story.tsx').then((m) => m.Story));
const StartSession = lazy(() => import('./session/StartSession.tsx').then((m) => m.StartSession));

type Props = { value: AppContextValue };

/** Above the Lock screen and the app alike. */
export function Banners({ value }: Props) {
  return (
    <AppContext.Provider value={value}>
      <ErrorBanner />
      <StaffOnly>
        <UpdateBanner />
        <KeyBanner />
      </StaffOnly>
    </AppContext.Provider>
  );
}

/** The unlocked app (inside LockGate). */
export function Screens({ value }: Props) {
  return (
    <AppContext.Provider value={value}>
      <LockButton />
      <Router>
        <Route path="/" component={Home} />
        <Route path="/settings" component={Settings} />
        <Route path="/story/:id" component={Story} />
        <Route path="/session" component={StartSession} />
        <Route default component={Home} />
      </Router>
      <IdleWarning />
    </AppContext.Provider>
  );
}
