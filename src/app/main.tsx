// Composition root: the error handler, the settings store and the lock, the features' controllers
// (features.ts), the first render, then the data layer (data.ts) while the Lock screen shows.
// Nothing else in the app runs at import time.
import { render } from 'preact';
import { enGB, type Messages } from '../domain/words/index.ts';
import { openSettingsStore } from '../store/settings/settings.ts';
import { App } from '../ui/App.tsx';
import '../ui/styles.css';
import { createDataLoader, type DataLoader } from './dataLoader.ts';
import { catchUncaught, createErrorHandler, type ErrorHandler, showStartFailure } from './errors.ts';
import { appValue, createFeatures, type Features } from './features.ts';
import { installCurtain } from './lock/curtain.ts';
import { createLockLinks, type LockLinks } from './lock/lockLinks.ts';
import { startPrivacy } from './lock/privacy.ts';
import { createSaveHooks } from './saveHooks.ts';
import { startDisplay } from './settings/display.ts';

/** The chosen language's words once known, for a start-up failure after that. */
let startWords: { value: Messages } = { value: enGB };

/** An unlock opens the settings, then the session, then the stories; a lock clears them. */
function lockLinks(f: Features, loader: DataLoader, reportError: (error: unknown) => void): LockLinks {
  return {
    autoLockMinutes: f.autoLockMinutes,
    async unlocked(cipher) {
      await f.settings.load(cipher).catch(reportError);
      await f.session.load(cipher);
      await loader.withData((d) => d.unlocked(cipher));
      f.directory.refreshIfDue();
    },
    locked() {
      f.story.locked();
      f.session.locked();
    },
  };
}

async function start(root: HTMLElement, errors: ErrorHandler): Promise<void> {
  const store = openSettingsStore();
  const displayReady = startDisplay(store, document.documentElement);
  const saveHooks = createSaveHooks();
  const loader = createDataLoader();
  const links = createLockLinks(errors.reportError);
  const countStoriesWaiting = () => loader.withData((d) => d.countStoriesWaiting());
  const saveAll = saveHooks.saveAll;
  const privacy = await startPrivacy({ settingsStore: store, saveAll, countStoriesWaiting, ...links.deps });
  const display = await displayReady;
  startWords = display.messages;
  const f = createFeatures({ store, display, privacy, loader, saveHooks, errors });
  links.connect(lockLinks(f, loader, errors.reportError));
  const value = appValue(f, errors);
  // A locked page keeps sending (issue 7): the Lock screen's "3 stories waiting to send" follows it.
  value.state.queue.subscribe(() => privacy.lock.recount());
  render(<App value={value} lock={privacy.lock} />, root);
  installCurtain(root, document, window, () => display.messages.value.common.appName);
  // Then the data layer (Dexie, stories, queue, directory), while the Lock screen is shown.
  await loader.load({
    cipher: privacy.cipher,
    settings: () => f.settings.state.settings.value,
    isUnlocked: () => privacy.lock.state.value.phase === 'unlocked',
    saveAll,
    reload: () => window.location.reload(),
    session: () => f.session.current.value,
    reportError: errors.reportError,
  });
  await f.device.start();
  await f.directory.start();
}

const errors = createErrorHandler();
catchUncaught(window, errors.reportError);
const root = document.getElementById('app');
if (root)
  start(root, errors).catch((error) => {
    errors.reportError(error); // recorded; the start-up message replaces the app
    showStartFailure(root, startWords.value.common.startFailed);
  });
