// Composition root: settings store, the lock, the first render, then the data layer (data.ts) while
// the Lock screen shows; register the service worker. Nothing else in the app runs at import time.
import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { readEnrolLink } from '../domain/settings/relay.ts';
import { deliveryMode, type Settings } from '../domain/settings/settings.ts';
import type { SettingsProblem } from '../domain/settings/settingsProblem.ts';
import type { StorageStatus } from '../domain/settings/storage.ts';
import { enGB, type Messages } from '../domain/words/index.ts';
import { openSettingsStore } from '../store/settings/settings.ts';
import { App } from '../ui/App.tsx';
import type { Actions, AppState, DirectoryStatus, QueueSummary, StoryCounts } from '../ui/actions.ts';
import '../ui/styles.css';
import type { Data } from './data.ts';
import { isStandalone, readStorageStatus, watchOnlineHint } from './device.ts';
import { installCurtain } from './lock/curtain.ts';
import { realTimers } from './lock/lock.ts';
import { startPrivacy } from './lock/privacy.ts';
import { registerWorker } from './registerWorker.ts';
import { createSaveHooks } from './saveHooks.ts';
import { createSessionControl } from './session/session.ts';
import { startDisplay } from './settings/display.ts';
import { connectRelay } from './settings/relayConnect.ts';
import { createDeviceSettings } from './settings/settings.ts';
import { createScreenWake } from './story/wakeLock.ts';

const NO_QUEUE: QueueSummary = {
  waiting: 0,
  sending: null,
  lastSentAt: null,
  paused: null,
  nextTryAt: null,
  problem: null,
};
const NO_DIRECTORY: DirectoryStatus = { phase: 'idle', count: 0, ready: false };
// Not storyList.ts's own: importing it would pull the data layer into the first download.
const NO_COUNTS: StoryCounts = {
  total: 0,
  today: 0,
  collectedToday: 0,
  sentToday: 0,
  sentThisSession: null,
  month: { onBehalf: 0, all: 0 },
  allTime: { onBehalf: 0, all: 0 },
};

async function start(root: HTMLElement): Promise<void> {
  const settingsStore = openSettingsStore();
  const displayReady = startDisplay(settingsStore, document.documentElement);
  const saveHooks = createSaveHooks();
  const storage = signal<StorageStatus>({ persisted: 'unknown' });
  const onlineHint = signal(true);
  const updateWaiting = signal(false);
  const standalone = signal(isStandalone());
  watchOnlineHint(onlineHint);
  const worker = registerWorker(updateWaiting);
  const screenWake = createScreenWake(navigator.wakeLock, document);
  const data = signal<Data | null>(null);
  let openData: (value: Data) => void = () => {};
  const dataReady = new Promise<Data>((resolve) => {
    openData = resolve;
  });
  const withData = <T,>(use: (d: Data) => T | Promise<T>): Promise<T> => dataReady.then(use);
  let afterUnlock: (session: Parameters<Data['unlocked']>[0]) => Promise<void> = async () => {};
  const privacy = await startPrivacy({
    settingsStore,
    saveAll: saveHooks.saveAll,
    autoLockMinutes: () => device.settings.value.autoLockMinutes,
    countStoriesWaiting: () => withData((d) => d.countStoriesWaiting()),
    onUnlocked: (session) => void afterUnlock(session),
    onLocked: (reason) => {
      data.value?.stories.list.clear();
      collecting.locked(reason);
    },
  });
  // Who is collecting now: sealed beside the settings, ended by the domain's rule (src/domain/session/session.ts).
  const collecting = createSessionControl({
    store: settingsStore,
    cipher: privacy.cipher,
    autoLockMinutes: () => device.settings.value.autoLockMinutes,
    lock: () => privacy.lock.actions.lock(),
    onChange: () => void data.value?.stories.list.reload(),
    timers: realTimers,
  });
  saveHooks.register(() => collecting.touch(false));
  document.addEventListener(
    'visibilitychange',
    () => void collecting.touch(document.visibilityState === 'hidden'),
  );
  // Sealed at rest: the defaults (no API address) until an unlock opens them.
  const display = await displayReady;
  startWords = display.messages;
  const device = createDeviceSettings({
    store: settingsStore,
    cipher: privacy.cipher,
    checkRecoveryCode: privacy.checkRecoveryCode,
  });
  const settings = device.settings;
  // Opened from an enrolment link (the relay's QR code): the relay and code wait for "Connect".
  const pendingEnrolment = signal(readEnrolLink(window.location.hash));
  if (pendingEnrolment.value) history.replaceState(null, '', window.location.pathname);
  // Triggers: after an unlock (settings readable), and coming back online (navigator.onLine is only a hint).
  const refreshIfDue = () =>
    void withData((d) => d.directory.refreshIfDue(settings.value)).catch(() => undefined);
  afterUnlock = async (session) => {
    await device.load(session).catch(() => undefined);
    await collecting.load(session);
    const d = await dataReady;
    d.unlocked(session);
    refreshIfDue();
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
    display: display.display,
    messages: display.messages,
    settings,
    setupNote: device.setupNote,
    destinationChosen: device.destinationChosen,
    settingsReady: device.ready,
    pendingEnrolment,
    storage,
    onlineHint,
    updateWaiting,
    standalone,
    directory: computed(() => data.value?.directory.status.value ?? NO_DIRECTORY),
    stories: computed(() => data.value?.stories.list.stories.value ?? []),
    storyCounts: computed(() => data.value?.stories.list.counts.value ?? NO_COUNTS),
    session: collecting.current,
    unsavedDrafts: computed(() => data.value?.pending.count.value ?? 0),
    queue: computed(() => data.value?.queue.status.value ?? NO_QUEUE),
    sandboxPage,
    buildId: __BUILD_ID__,
  };
  const connectionChanged = (a: Settings, b: Settings) => a.apiAddress !== b.apiAddress || a.key !== b.key;
  const story = (d: Data) => d.stories.actions;
  const actions: Actions = {
    saveDisplay: (next) => display.save(next),
    async saveSettings(typed, recoveryCode) {
      const previous = settings.value;
      // A relay's token belongs to that relay: a new address drops it.
      const next = typed.apiAddress === previous.apiAddress ? typed : { ...typed, relayToken: '' };
      const saved = await device.save(next, recoveryCode);
      if (!saved.ok) return saved;
      // "How stories reach Care Opinion" changed: stories never tried move to the new way.
      if (deliveryMode(previous) !== deliveryMode(next)) {
        const moved = await withData((d) => d.applyDelivery(deliveryMode(next))).catch(() => null);
        if (moved === null) return { ok: false, reason: NOT_MOVED };
      }
      void withData((d) => {
        // A new address or key means a new directory: fetch it by itself.
        if (connectionChanged(previous, next) && next.apiAddress !== '') void d.directory.refresh(next, true);
        // A corrected key resumes sending, including stories held back because of the key.
        void d.queue.trigger('settings-saved');
      });
      return { ok: true };
    },
    async connectRelay(relayAddress, code, recoveryCode) {
      const deps = {
        ...device,
        checkRecoveryCode: privacy.checkRecoveryCode,
        fetch: window.fetch.bind(window),
      };
      const result = await connectRelay(deps, relayAddress, code, recoveryCode);
      if (!result.ok) return result;
      pendingEnrolment.value = null;
      void withData((d) => {
        void d.directory.refresh(settings.value, true);
        void d.queue.trigger('settings-saved');
      });
      return result;
    },
    // An update waits for the open draft to be saved and for no story to be mid-send.
    applyUpdate: () =>
      worker.applyUpdate(async () => {
        await saveHooks.saveAll();
        await until(() => state.queue.value.sending === null);
      }),
    async refreshStorageStatus() {
      storage.value = await readStorageStatus(false);
    },
    refreshDirectory: () => withData((d) => d.directory.refresh(settings.value, true)),
    cancelDirectoryRefresh: () => data.value?.directory.cancel(),
    searchServices: (query, type) => withData((d) => d.directory.search(query, type)),
    noteServiceChosen: (nacs) => void withData((d) => d.directory.chosen(nacs)).catch(() => undefined),
    sendNow: () => withData((d) => d.queue.trigger('send-now')),
    testConnection: (apiAddress, key) => withData((d) => d.testConnection(apiAddress, key)),
    // The story actions wait for the data layer (in practice loaded long before the PIN is typed).
    startStory: () => withData((d) => story(d).startStory()),
    createStory: (id, draft) => withData((d) => story(d).createStory(id, draft)),
    loadDraft: (id) => withData((d) => story(d).loadDraft(id)),
    saveDraft: (id, draft) => withData((d) => story(d).saveDraft(id, draft)),
    keepUnsavedDraft: (id, draft, isNew) => withData((d) => story(d).keepUnsavedDraft(id, draft, isNew)),
    queueStory: (id) => withData((d) => story(d).queueStory(id)),
    editQueuedStory: (id, step) => withData((d) => story(d).editQueuedStory(id, step)),
    withdrawStory: (id) => withData((d) => story(d).withdrawStory(id)),
    loadCommonNames: () => withData((d) => story(d).loadCommonNames()),
    showMoreStories: () => withData((d) => d.stories.list.showMore()),
    loadHandOff: (id) => withData((d) => d.loadHandOff(id)),
    postedByHand: (id, address) => withData((d) => d.postedByHand(id, address)),
    registerSaveHook: (hook) => saveHooks.register(hook),
    startSession: (input) => collecting.start(input),
    endSession: () => collecting.end(),
    keepScreenOn: () => screenWake.hold(),
  };

  // A locked page keeps sending (issue 7): the Lock screen's "3 stories waiting to send" follows it.
  state.queue.subscribe(() => privacy.lock.recount());
  render(<App value={{ state, actions }} lock={privacy.lock} />, root);
  installCurtain(root, document, window, () => display.messages.value.common.appName);
  // Then the data layer (Dexie, stories, queue, directory), while the Lock screen is shown.
  const { openData: open } = await import('./data.ts');
  data.value = open({
    cipher: privacy.cipher,
    settings: () => settings.value,
    isUnlocked: () => privacy.lock.state.value.phase === 'unlocked',
    saveAll: saveHooks.saveAll,
    reload: () => window.location.reload(),
    session: () => collecting.current.value,
  });
  openData(data.value);
  storage.value = await readStorageStatus(true);
  // After the first render: a failure here must not replace the app with the start-up message.
  await data.value.directory.load().catch(() => undefined);
  window.addEventListener('online', refreshIfDue);
}

const NOT_MOVED = 'notMoved' satisfies SettingsProblem;

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

/** The chosen language's words once known, for a start-up failure after that. */
let startWords: { value: Messages } = { value: enGB };

/** Start-up failed (e.g. the browser refused its storage): say so in words, never a blank page. */
function showStartFailure(root: HTMLElement): void {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.className = 'screen message-error';
  message.textContent = startWords.value.common.startFailed;
  root.replaceChildren(message);
}

const root = document.getElementById('app');
if (root) start(root).catch(() => showStartFailure(root));
