// Facts about this device the browser tells us: storage protection and use, network hint, install state.
import type { Signal } from '@preact/signals';
import type { StorageStatus } from '../domain/settings/storage.ts';

/** Asks for persistent storage on each launch (the browser decides silently) and reads usage. */
export async function readStorageStatus(askToPersist: boolean): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage) return { persisted: 'unknown' };
  let persisted: boolean | 'unknown' = 'unknown';
  try {
    persisted = storage.persisted ? await storage.persisted() : 'unknown';
    if (persisted === false && askToPersist && storage.persist) persisted = await storage.persist();
  } catch {
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
