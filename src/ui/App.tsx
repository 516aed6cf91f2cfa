// The app's frame, in the first download: the lock's screens drawn at once, in the lock's words; the
// rest (AppScreens.tsx: the banners, the routes, Home) arrives behind the Lock screen and is drawn
// beside and inside the same LockGate, so a PIN being typed is never lost. Screens other than Home
// load lazily (and are precached by the service worker, so they open offline too).
import type { ReadonlySignal } from '@preact/signals';
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary } from 'preact-iso';
import type { LockMessages, Messages } from '../domain/words/index.ts';
import type { AppContextValue } from './actions.ts';
import { LocationWithHandover } from './handover/LocationWithHandover.tsx';
import { DisplayContext, type DisplayPort } from './lock/displayPort.ts';
import { LockGate } from './lock/LockGate.tsx';
import { LockContext, type LockContextValue } from './lock/lockActions.ts';
import { installFocusGuard } from './shared/focus.ts';
import { installKeyboardInset } from './shared/keyboardInset.ts';
import { LiveRegion } from './shared/LiveRegion.tsx';
import { TextContext } from './shared/text.ts';

/** What arrives behind the Lock screen: the screens' state and ports, and AppScreens.tsx's parts. */
export type LoadedApp = {
  value: AppContextValue;
  Banners: ComponentType<{ value: AppContextValue }>;
  Screens: ComponentType<{ value: AppContextValue }>;
};

export type AppProps = {
  lock: LockContextValue;
  display: DisplayPort;
  /** The lock's words until the whole catalogue has loaded, then all of them. */
  words: ReadonlySignal<LockMessages | Messages>;
  /** Null until the rest of the app has loaded (an unlock waits for it). */
  loaded: ReadonlySignal<LoadedApp | null>;
};

export function App({ lock, display, words, loaded }: AppProps) {
  // Focus never falls to the page's top, and the field being typed in stays above the keyboard.
  useEffect(() => {
    const stopGuard = installFocusGuard(document);
    const stopInset = installKeyboardInset(window);
    return () => {
      stopGuard();
      stopInset();
    };
  }, []);
  const app = loaded.value;
  return (
    <TextContext.Provider value={words.value}>
      <LockContext.Provider value={lock}>
        <DisplayContext.Provider value={display}>
          <LiveRegion>
            <LocationWithHandover>
              {app && <app.Banners value={app.value} />}
              {/* The boundary also lets LockGate's lazily loaded screens suspend while they load. */}
              <ErrorBoundary>
                <LockGate>{app && <app.Screens value={app.value} />}</LockGate>
              </ErrorBoundary>
            </LocationWithHandover>
          </LiveRegion>
        </DisplayContext.Provider>
      </LockContext.Provider>
    </TextContext.Provider>
  );
}
