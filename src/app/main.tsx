// Composition root: open storage, load settings, build the actions facade, register the service
// worker and render. Nothing else in the app runs at import time.
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { deliveryMode, type Settings } from '../domain/settings.ts';
import type { StorageStatus } from '../domain/storage.ts';
import type { Cipher } from '../store/cipher.ts';
import { createDb, onVersionChange } from '../store/db.ts';
import { openSettingsStore, saveSettings, saveSetupNote } from '../store/settings.ts';
import { createClient } from '../sync/client.ts';
import { testConnection } from '../sync/connection.ts';
import { createRateLimiter, realSleep } from '../sync/rateLimiter.ts';
import { App } from '../ui/App.tsx';
import type { Actions, AppState } from '../ui/actions.ts';
import '../ui/styles.css';
import { isStandalone, readStorageStatus, watchOnlineHint } from './device.ts';
import { createDirectory } from './directory.ts';
import { createPendingDrafts } from './pendingDrafts.ts';
import { startPrivacy } from './privacy.ts';
import { createQueue } from './queue.ts';
import { registerWorker } from './registerWorker.ts';
import { createSaveHooks } from './saveHooks.ts';
import { loadSettings } from './settings.ts';
import { createStoryActions } from './stories.ts';

/**
 * Care Opinion allows 5 requests per second per key, across everything the app does. The window is
 * a little longer than a second so clock jitter between us and the server never makes it six.
 */
const REQUESTS_PER_WINDOW = 5;
const WINDOW_MS = 1100;

async function start(root: HTMLElement): Promise<void> {
  const db = createDb();
  const settingsStore = openSettingsStore();
  const saveHooks = createSaveHooks();
  onVersionChange(db, saveHooks.saveAll, () => window.location.reload());
  const client = createClient({
    fetch: (input, init) => fetch(input, init),
    limiter: createRateLimiter(REQUESTS_PER_WINDOW, Date.now, realSleep, WINDOW_MS),
  });
  const directory = createDirectory(db, client);

  const loaded = await loadSettings(settingsStore);
  const settings = signal(loaded.settings);
  const setupNote = signal(loaded.note);
  const storage = signal<StorageStatus>({ persisted: 'unknown' });
  const onlineHint = signal(true);
  const updateWaiting = signal(false);
  const standalone = signal(isStandalone());
  watchOnlineHint(onlineHint);
  const worker = registerWorker(updateWaiting);
  let sessionCipher: Cipher | null = null;
  const pending = createPendingDrafts({
    db,
    cipher: () => sessionCipher,
    now: Date.now,
    random: Math.random,
    setTimer: (run, ms) => setTimeout(run, ms),
  });
  let reloadStories = () => Promise.resolve();
  let refreshStory = (_id: string) => Promise.resolve();
  let clearStories: () => void = () => {};
  // A change to one story (a send, another tab) updates its row; an unknown change reloads the list.
  const queue = createQueue(
    db,
    client,
    () => settings.value,
    (id) => void (id === null ? reloadStories() : refreshStory(id)),
  );
  const privacy = await startPrivacy({
    db,
    settingsStore,
    saveAll: saveHooks.saveAll,
    autoLockMinutes: () => settings.value.autoLockMinutes,
    onUnlocked: (session) => {
      sessionCipher = session;
      void reloadStories();
      // Stories left waiting to send with no API address (queued before hand-off existed, or by
      // another device's settings) become ready to post. Only then: Home's first load stays small.
      if (deliveryMode(settings.value) === 'by-hand')
        void handOff()
          .then((m) => m.applyDelivery(db, 'by-hand', Date.now()))
          .then((moved) => (moved ? reloadStories() : undefined))
          .catch((error) =>
            console.error('Hand-off:', error instanceof Error ? error.name : 'unknown error'),
          );
      queue.start(session);
    },
    onLocked: () => clearStories(),
  });
  const stories = createStoryActions({
    db,
    cipher: privacy.cipher,
    settings: () => settings.value,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    onQueued: () => void queue.trigger('queued'),
    isUnlocked: () => privacy.lock.state.value.phase === 'unlocked',
    pending,
  });
  reloadStories = stories.reload;
  refreshStory = stories.refreshOne;
  clearStories = () => {
    stories.stories.value = [];
  };
  // The built-in sandbox lists what it received; the "Sent" receipt links there.
  const sandboxPage = computed(() => {
    const { apiAddress, key } = settings.value;
    if (key !== 'sandbox-key' || apiAddress === '') return null;
    try {
      return `${new URL(apiAddress).origin}/__sandbox/`;
    } catch {
      return null;
    }
  });

  const state: AppState = {
    settings,
    setupNote,
    storage,
    onlineHint,
    updateWaiting,
    standalone,
    directory: directory.status,
    stories: stories.stories,
    unsavedDrafts: pending.count,
    queue: queue.status,
    sandboxPage,
    buildId: __BUILD_ID__,
  };
  const handOffDeps = { db, cipher: privacy.cipher, now: Date.now, refreshOne: stories.refreshOne };
  const connectionChanged = (a: Settings, b: Settings) => a.apiAddress !== b.apiAddress || a.key !== b.key;
  const actions: Actions = {
    async saveSettings(next) {
      const previous = settings.value;
      try {
        await saveSettings(settingsStore, next);
        await saveSetupNote(settingsStore, null);
      } catch {
        return { ok: false, reason: 'Settings could not be saved on this device. Please try again.' };
      }
      settings.value = next;
      setupNote.value = null;
      // "How stories reach Care Opinion" changed: stories never tried move to the new way.
      if (deliveryMode(previous) !== deliveryMode(next)) {
        const moved = await handOff()
          .then((m) => m.applyDelivery(db, deliveryMode(next), Date.now()))
          .catch(() => null);
        if (moved === null) return { ok: false, reason: NOT_MOVED };
        if (moved) void reloadStories();
      }
      // A new address or key means a new directory: fetch it by itself.
      if (connectionChanged(previous, next) && next.apiAddress !== '') void directory.refresh(next, true);
      // A corrected key resumes sending, including stories held back because of the key.
      void queue.trigger('settings-saved');
      return { ok: true };
    },
    // An update waits for the open draft to be saved and for no story to be mid-send.
    applyUpdate: () =>
      worker.applyUpdate(async () => {
        await saveHooks.saveAll();
        await until(() => queue.status.value.sending === null);
      }),
    async refreshStorageStatus() {
      storage.value = await readStorageStatus(false);
    },
    refreshDirectory: () => directory.refresh(settings.value, true),
    cancelDirectoryRefresh: () => directory.cancel(),
    searchServices: (query, type) => directory.search(query, type),
    sendNow: () => queue.trigger('send-now'),
    testConnection: (apiAddress, key) =>
      testConnection(client, (input, init) => fetch(input, init), { apiAddress, key }, Date.now()),
    ...stories.actions,
    loadHandOff: async (id) => (await handOff()).loadHandOff(handOffDeps, id),
    postedByHand: async (id, address) => (await handOff()).postedByHand(handOffDeps, id, address),
    registerSaveHook: (hook) => saveHooks.register(hook),
  };

  render(<App value={{ state, actions }} lock={privacy.lock} />, root);
  storage.value = await readStorageStatus(true);
  // After the first render: a failure here must not replace the app with the start-up message.
  await directory.load().catch(() => undefined);
  // Triggers: start, and coming back online (navigator.onLine is only a hint; the request decides).
  const refreshIfDue = () => void directory.refreshIfDue(settings.value).catch(() => undefined);
  refreshIfDue();
  window.addEventListener('online', refreshIfDue);
}

const NOT_MOVED =
  'Settings were saved, but the stories waiting could not be moved to the new way yet. Nothing is lost: save again.';

/** Hand-off (posting on Care Opinion's website by hand) loads on use, outside Home's first download. */
const handOff = () => import('./handOff.ts');

/** Resolves once `condition` (read from signals) holds. */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    stop = effect(() => {
      if (!condition()) return;
      resolve();
      queueMicrotask(() => stop?.());
    });
  });
}

/** Start-up failed (e.g. the browser refused its storage): say so in words, never a blank page. */
function showStartFailure(root: HTMLElement): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'screen message-error';
  message.textContent =
    'Story Collector could not open its storage on this device. Close the app completely and open it again. Stories already saved stay on the device.';
  root.replaceChildren(message);
}

const root = document.getElementById('app');
if (root) start(root).catch(() => showStartFailure(root));
