// Composition root: open storage, load settings, build the actions facade, register the service
// worker and render. Nothing else in the app runs at import time.
import { signal } from '@preact/signals';
import { render } from 'preact';
import type { StorageStatus } from '../domain/storage.ts';
import { createDb, onVersionChange } from '../store/db.ts';
import { openSettingsStore, saveSettings, saveSetupNote } from '../store/settings.ts';
import { App } from '../ui/App.tsx';
import type { Actions, AppState } from '../ui/actions.ts';
import '../ui/styles.css';
import { isStandalone, readStorageStatus, watchOnlineHint } from './device.ts';
import { registerWorker } from './registerWorker.ts';
import { createSaveHooks } from './saveHooks.ts';
import { loadSettings } from './settings.ts';

async function start(root: HTMLElement): Promise<void> {
  const db = createDb();
  const settingsStore = openSettingsStore();
  const saveHooks = createSaveHooks();
  onVersionChange(db, saveHooks.saveAll, () => window.location.reload());

  const loaded = await loadSettings(settingsStore);
  const settings = signal(loaded.settings);
  const setupNote = signal(loaded.note);
  const storage = signal<StorageStatus>({ persisted: 'unknown' });
  const onlineHint = signal(true);
  const updateWaiting = signal(false);
  const standalone = signal(isStandalone());
  watchOnlineHint(onlineHint);
  const worker = registerWorker(updateWaiting);

  const state: AppState = {
    settings,
    setupNote,
    storage,
    onlineHint,
    updateWaiting,
    standalone,
    buildId: __BUILD_ID__,
  };
  const actions: Actions = {
    async saveSettings(next) {
      try {
        await saveSettings(settingsStore, next);
        await saveSetupNote(settingsStore, null);
        settings.value = next;
        setupNote.value = null;
        return { ok: true };
      } catch {
        return { ok: false, reason: 'Settings could not be saved on this device. Please try again.' };
      }
    },
    applyUpdate: () => worker.applyUpdate(saveHooks.saveAll),
    async refreshStorageStatus() {
      storage.value = await readStorageStatus(false);
    },
  };

  render(<App value={{ state, actions }} />, root);
  storage.value = await readStorageStatus(true);
}

const root = document.getElementById('app');
if (root) void start(root);
