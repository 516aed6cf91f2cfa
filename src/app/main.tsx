// Composition root: open storage, load settings, build the actions facade, register the service
// worker and render. Nothing else in the app runs at import time.
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import type { Settings } from '../domain/settings.ts';
import type { StorageStatus } from '../domain/storage.ts';
import type { Cipher } from '../store/cipher.ts';
import { createDb, onVersionChange } from '../store/db.ts';
import { openSettingsStore } from '../store/settings.ts';
import { createClient } from '../sync/client.ts';
import { testConnection } from '../sync/connection.ts';
import { createRateLimiter, realSleep } from '../sync/rateLimiter.ts';
import { App } from '../ui/App.tsx';
import type { Actions, AppState } from '../ui/actions.ts';
import '../ui/styles.css';
import { installCurtain } from './curtain.ts';
import { isStandalone, readStorageStatus, watchOnlineHint } from './device.ts';
import { createDirectory } from './directory.ts';
import { createPendingDrafts } from './pendingDrafts.ts';
import { startPrivacy } from './privacy.ts';
import { createQueue } from './queue.ts';
import { registerWorker } from './registerWorker.ts';
import { createSaveHooks } from './saveHooks.ts';
import { createDeviceSettings } from './settings.ts';
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
  let afterUnlock: (session: Cipher) => Promise<void> = async () => {};
  let clearStories: () => void = () => {};
  // A change to one story (a send, another tab) updates its row; an unknown change reloads the list.
  const queue = createQueue(
    db,
    client,
    () => device.settings.value,
    (id) => void (id === null ? reloadStories() : refreshStory(id)),
  );
  const privacy = await startPrivacy({
    db,
    settingsStore,
    saveAll: saveHooks.saveAll,
    autoLockMinutes: () => device.settings.value.autoLockMinutes,
    onUnlocked: (session) => void afterUnlock(session),
    onLocked: () => clearStories(),
  });
  // Sealed at rest: the defaults (no API address) until an unlock opens them.
  const device = createDeviceSettings({
    store: settingsStore,
    cipher: privacy.cipher,
    checkRecoveryCode: privacy.checkRecoveryCode,
  });
  const settings = device.settings;
  // Triggers: after an unlock (settings readable), and coming back online (navigator.onLine is only a hint).
  const refreshIfDue = () => void directory.refreshIfDue(settings.value).catch(() => undefined);
  afterUnlock = async (session) => {
    sessionCipher = session;
    await device.load(session).catch(() => undefined);
    void reloadStories();
    // Home's rows for stories kept before they existed (DB_V5): built now that a key exists.
    void import('../store/summaryBackfill.ts')
      .then(({ backfillSummaries }) => backfillSummaries(db, session))
      .then((written) => (written > 0 ? reloadStories() : undefined))
      .catch(() => undefined);
    queue.start(session);
    refreshIfDue();
  };
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
  reloadStories = stories.list.reload;
  refreshStory = stories.list.refreshOne;
  clearStories = () => stories.list.clear();
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
    setupNote: device.setupNote,
    destinationChosen: device.destinationChosen,
    settingsReady: device.ready,
    storage,
    onlineHint,
    updateWaiting,
    standalone,
    directory: directory.status,
    stories: stories.list.stories,
    storyCounts: stories.list.counts,
    unsavedDrafts: pending.count,
    queue: queue.status,
    sandboxPage,
    buildId: __BUILD_ID__,
  };
  const connectionChanged = (a: Settings, b: Settings) => a.apiAddress !== b.apiAddress || a.key !== b.key;
  const actions: Actions = {
    async saveSettings(next, recoveryCode) {
      const previous = settings.value;
      const saved = await device.save(next, recoveryCode);
      if (!saved.ok) return saved;
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
    showMoreStories: () => stories.list.showMore(),
    registerSaveHook: (hook) => saveHooks.register(hook),
  };

  render(<App value={{ state, actions }} lock={privacy.lock} />, root);
  installCurtain(root, document, window);
  storage.value = await readStorageStatus(true);
  // After the first render: a failure here must not replace the app with the start-up message.
  await directory.load().catch(() => undefined);
  window.addEventListener('online', refreshIfDue);
}

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
