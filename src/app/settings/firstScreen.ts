// The first screen's two facts (display choices, whether a PIN is set) for the first render: from
// their copy in localStorage when there is one (no wait for IndexedDB to open: 80–130 ms at 4× CPU),
// else from IndexedDB. IndexedDB is read behind the first screen either way: the copy renewed, and
// a display changed since (another tab) applied. The copy then follows the lock's phase.
import {
  type FirstScreen,
  type HintStorage,
  keepFirstScreenHint,
  readFirstScreen,
  readFirstScreenHint,
  type SettingsStore,
} from '../../store/settings/deviceStore.ts';
import type { LockController } from '../lock/lock.ts';
import { type DisplayControl, startDisplay } from './display.ts';

/** The page's localStorage, or null where the browser refuses it (it may throw on being named). */
function pageStorage(): HintStorage | null {
  try {
    return window.localStorage;
  } catch {
    // storage disabled: the first screen waits for IndexedDB
    return null;
  }
}

export async function startFirstScreen(
  store: SettingsStore,
  root: HTMLElement,
): Promise<{ first: FirstScreen; display: DisplayControl; follow(lock: LockController): void }> {
  const hint = pageStorage();
  const kept = readFirstScreenHint(hint);
  const first = kept ?? (await readFirstScreen(store, hint));
  const display = await startDisplay(store, root, first.display, hint);
  if (kept)
    void readFirstScreen(store, hint).then(({ display: stored }) => {
      if (JSON.stringify(stored) !== JSON.stringify(display.display.value)) void display.save(stored);
    });
  return {
    first,
    display,
    // A PIN set (or the vault gone) shows at the next start.
    follow: (lock) =>
      lock.state.subscribe(({ phase }) => keepFirstScreenHint(hint, { pinSet: phase !== 'setup' })),
  };
}
