// The app behind the Lock screen, loaded while it shows (main.tsx draws the lock first): the whole
// catalogue, the vault, the features' controllers, the screens (ui/AppScreens.tsx) and then the data
// layer. An unlock waits for `shellReady`, so it always opens a complete app.
import type { Signal } from '@preact/signals';
import type { SettingsStore } from '../store/settings/deviceStore.ts';
import type { LoadedApp } from '../ui/App.tsx';
import { Banners, Screens } from '../ui/AppScreens.tsx';
import type { DataLoader } from './dataLoader.ts';
import { readStorageStatus } from './device.ts';
import type { ErrorHandler } from './errors.ts';
import { appValue, createFeatures, type Features } from './features.ts';
import type { LockController } from './lock/lock.ts';
import type { createLockLinks, LockLinks } from './lock/lockLinks.ts';
import type { Privacy } from './lock/privacy.ts';
import type { SaveHooks } from './saveHooks.ts';
import type { DisplayControl } from './settings/display.ts';

export type ShellDeps = {
  store: SettingsStore;
  display: DisplayControl;
  privacy: Promise<Privacy>;
  lock: LockController;
  loader: DataLoader;
  saveHooks: SaveHooks;
  links: ReturnType<typeof createLockLinks>;
  errors: ErrorHandler;
  loaded: Signal<LoadedApp | null>;
  shellReady: { settle(ready: boolean): void };
};

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

export async function startShell(deps: ShellDeps): Promise<void> {
  const { store, loader, saveHooks, errors, lock } = deps;
  const [messages, privacy] = await Promise.all([deps.display.loadAll(), deps.privacy]);
  const display = { ...deps.display, messages };
  const f = createFeatures({ store, display, privacy, loader, saveHooks, errors });
  deps.links.connect(lockLinks(f, loader, errors.reportError));
  const value = appValue(f, errors);
  // A locked page keeps sending (issue 7): the Lock screen's "3 stories waiting to send" follows it.
  value.state.queue.subscribe(() => lock.recount());
  deps.loaded.value = { value, Banners, Screens };
  deps.shellReady.settle(true);
  // Then the data layer (Dexie, stories, queue, directory), while the Lock screen is shown.
  await loader.load({
    cipher: privacy.cipher,
    settings: () => f.settings.state.settings.value,
    isUnlocked: () => lock.state.value.phase === 'unlocked',
    saveAll: saveHooks.saveAll,
    reload: () => window.location.reload(),
    session: () => f.session.current.value,
    reportError: errors.reportError,
    keepRelayFacts: f.settings.keepRelayFacts,
    readStorage: () => readStorageStatus(false),
  });
  await f.device.start();
  await f.directory.start();
}
