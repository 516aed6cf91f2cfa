// The app's frame: the error, update and key banners and the routes. Screens other than Home load lazily
// (and are precached by the service worker, so they open offline too).
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, lazy, Route, Router } from 'preact-iso';
import { AppContext, type AppContextValue } from './actions.ts';
import { LocationWithHandover } from './handover/LocationWithHandover.tsx';
import { StaffOnly } from './handover/StaffOnly.tsx';
import { Home } from './home/Home.tsx';
import { LockButton } from './lock/LockButton.tsx';
import { LockGate } from './lock/LockGate.tsx';
import { LockContext, type LockContextValue } from './lock/lockActions.ts';
import { ErrorBanner } from './shared/ErrorBanner.tsx';
import { installFocusGuard } from './shared/focus.ts';
import { KeyBanner } from './shared/KeyBanner.tsx';
import { installKeyboardInset } from './shared/keyboardInset.ts';
import { LiveRegion } from './shared/LiveRegion.tsx';
import { TextContext } from './shared/text.ts';
import { UpdateBanner } from './shared/UpdateBanner.tsx';

const Settings = lazy(() => import('./settings/Settings.tsx').then((m) => m.Settings));
const Story = lazy(() => import('./story/Story.tsx').then((m) => m.Story));
const StartSession = lazy(() => import('./session/StartSession.tsx').then((m) => m.StartSession));

export type AppProps = { value: AppContextValue; lock: LockContextValue };

export function App({ value, lock }: AppProps) {
  // Focus never falls to the page's top, and the field being typed in stays above the keyboard.
  useEffect(() => {
    const stopGuard = installFocusGuard(document);
    const stopInset = installKeyboardInset(window);
    return () => {
      stopGuard();
      stopInset();
    };
  }, []);
  return (
    <AppContext.Provider value={value}>
      <TextContext.Provider value={value.state.messages.value}>
        <LockContext.Provider value={lock}>
          <LiveRegion>
            <ErrorBanner />
            <LocationWithHandover>
              <StaffOnly>
                <UpdateBanner />
                <KeyBanner />
              </StaffOnly>
              {/* The boundary also lets LockGate's lazily loaded screens suspend while they load. */}
              <ErrorBoundary>
                <LockGate>
                  <LockButton />
                  <Router>
                    <Route path="/" component={Home} />
                    <Route path="/settings" component={Settings} />
                    <Route path="/story/:id" component={Story} />
                    <Route path="/session" component={StartSession} />
                    <Route default component={Home} />
                  </Router>
                </LockGate>
              </ErrorBoundary>
            </LocationWithHandover>
          </LiveRegion>
        </LockContext.Provider>
      </TextContext.Provider>
    </AppContext.Provider>
  );
}
