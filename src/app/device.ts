// Facts about this device the browser tells us: storage protection and use, network hint, install
// state, a waiting version of the app; and the device port (apply the update, read storage again).
import { type Signal, signal } from '@preact/signals';
import type { StorageStatus } from '../domain/settings/storage.ts';
import type { AppState, DeviceActions } from '../ui/actions.ts';
import { registerWorker } from './registerWorker.ts';
import type { SaveHooks } from './saveHooks.ts';

export type DeviceFeature = {
  state: Pick<AppState, 'storage' | 'onlineHint' | 'updateWaiting' | 'standalone' | 'buildId'>;
  actions: DeviceActions;
  /** After the first render: asks for persistent storage (the browser decides silently). */
  start(): Promise<void>;
};

/** `idle`: resolves once no story is mid-send (an update waits for it, and for open work saved). */
export function createDeviceController(saveHooks: SaveHooks, idle: () => Promise<void>): DeviceFeature {
  const storage = signal<StorageStatus>({ persisted: 'unknown' });
  const onlineHint = signal(true);
  const updateWaiting = signal(false);
  watchOnlineHint(onlineHint);
  const worker = registerWorker(updateWaiting);
  const readStorage = async (askToPersist: boolean) => {
    storage.value = await readStorageStatus(askToPersist);
  };
  return {
    state: { storage, onlineHint, updateWaiting, standalone: signal(isStandalone()), buildId: __BUILD_ID__ },
    actions: {
      applyUpdate: () =>
        worker.applyUpdate(async () => {
          await saveHooks.saveAll();
          await idle();
        }),
      refreshStorageStatus: () => readStorage(false),
    },
    start: () => readStorage(true),
  };
}

/** Asks for persistent storage on each launch (the browser decides silently) and reads usage. */
export async function readStorageStatus(askToPersist: boolean): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage) return { persisted: 'unknown' };
  let persisted: boolean | 'unknown' = 'unknown';
  try {
    persisted = storage.persisted ? await storage.persisted() : 'unknown';
    if (persisted === false && askToPersist && storage.persist) persisted = await storage.persist();
  } catch {
    // persisted() refused (private browsing): not known, and said so.
    persisted = 'unknown';
  }
  try {
    const estimate = storage.estimate ? await storage.estimate() : undefined;
    if (estimate?.usage !== undefined && estimate.quota !== undefined) {
      return { persisted, usedBytes: estimate.usage, quotaBytes: estimate.quota };
    }
  } catch {
    // estimate() is missing before Safari 17; usage is then simply not shown.
  }
  return { persisted };
}

export function watchOnlineHint(hint: Signal<boolean>): void {
  hint.value = navigator.onLine;
  window.addEventListener('online', () => {
    hint.value = true;
  });
  window.addEventListener('offline', () => {
    hint.value = false;
  });
}

export function isStandalone(): boolean {
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia('(display-mode: standalone)').matches;
}
