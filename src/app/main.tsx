// Composition root: the error handler, the display and the lock, and the first render — the Lock
// screen, from the first download alone — then the rest of the app behind it (shell.ts: the vault,
// the features' controllers, the data layer). Nothing else in the app runs at import time.
import { signal } from '@preact/signals';
import { render } from 'preact';
import { enGBLock, type LockMessages } from '../domain/words/index.ts';
import { openSettingsStore } from '../store/settings/deviceStore.ts';
import { App, type LoadedApp } from '../ui/App.tsx';
import '../ui/styles.css';
import { createDataLoader } from './dataLoader.ts';
import { catchUncaught, createErrorHandler, type ErrorHandler, showStartFailure } from './errors.ts';
import { installCurtain } from './lock/curtain.ts';
import { createLockLinks } from './lock/lockLinks.ts';
import { startPrivacy } from './lock/privacy.ts';
import { createSaveHooks } from './saveHooks.ts';
import { startFirstScreen } from './settings/firstScreen.ts';

/** The chosen language's words once known, for a start-up failure after that. */
let startWords: { value: LockMessages } = { value: enGBLock };

/** Settles once the rest of the app is there: what an unlock waits for besides the vault. */
function deferred() {
  let settle: (ready: boolean) => void = () => {};
  const promise = new Promise<boolean>((done) => {
    settle = done;
  });
  return { promise, settle };
}

async function start(root: HTMLElement, errors: ErrorHandler): Promise<void> {
  const store = openSettingsStore();
  const { first, display, follow } = await startFirstScreen(store, document.documentElement);
  startWords = display.words;
  const saveHooks = createSaveHooks();
  const loader = createDataLoader();
  const links = createLockLinks(errors.reportError);
  const shellReady = deferred();
  const countStoriesWaiting = () => loader.withData((d) => d.countStoriesWaiting());
  const { lock, privacy, prepareUnlock, prepareWhenIdle } = startPrivacy({
    settingsStore: store,
    saveAll: saveHooks.saveAll,
    countStoriesWaiting,
    ready: shellReady.promise,
    ...links.deps,
  });
  void lock.start(first.pinSet ? 'locked' : 'setup').catch(errors.reportError);
  // A PIN is typed next: the PIN's Argon2id made ready at once. A new iPad's PIN is chosen
  // unhurried: made ready once the start is done (below), not beside it.
  if (first.pinSet) prepareUnlock();
  follow(lock);
  const loaded = signal<LoadedApp | null>(null);
  render(<App lock={lock} display={display} words={display.words} loaded={loaded} />, root);
  installCurtain(root, document, window, () => display.words.value.common.appName);
  // Then everything else, while the Lock screen is shown.
  const { startShell } = await import('./shell.ts');
  await startShell({ store, display, privacy, lock, loader, saveHooks, links, errors, loaded, shellReady });
  prepareWhenIdle(); // started: made ready while nothing else runs, if it is not already
}

const errors = createErrorHandler();
catchUncaught(window, errors.reportError);
const root = document.getElementById('app');
if (root)
  start(root, errors).catch((error) => {
    errors.reportError(error); // recorded; the start-up message replaces the app
    showStartFailure(root, startWords.value.common.startFailed);
  });
