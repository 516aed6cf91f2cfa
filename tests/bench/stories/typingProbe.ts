// Runs in the app's page on the story step: for each keystroke, keydown → input handled (a capturing
// `input` listener on window before the app's handler, a bubbling one after it and after Preact's
// microtask render), and the commits, seen two ways: the "Saved on this device" line appearing, and
// the story row's updatedAt changing in IndexedDB (read-only reads every 20 ms).
import { openAppDb } from './seedProbe.ts';

export type Key = { down: number; inputStart: number; inputEnd: number; inputWall: number };
/** seenAt: performance.now() when seen; updatedAt: the row's Date.now() stamp (taken as the save began). */
export type RowCommit = { seenAt: number; updatedAt: number };
export type SlowEvent = { name: string; duration: number; processing: number };
export type Typing = { keys: Key[]; saved: number[]; commits: RowCommit[]; slowEvents: SlowEvent[] };

const SAVED = 'Saved on this device';
const POLL_MS = 20;

let typing: Typing = { keys: [], saved: [], commits: [], slowEvents: [] };
let stop: () => void = () => {};

function readUpdatedAt(db: IDBDatabase, id: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const request = db.transaction('stories', 'readonly').objectStore('stories').get(id);
    request.onsuccess = () =>
      resolve((request.result as { updatedAt?: number } | undefined)?.updatedAt ?? null);
    request.onerror = () => reject(request.error);
  });
}

export async function startTyping(): Promise<boolean> {
  const status = document.querySelector('.save-status');
  const id = decodeURIComponent(location.pathname.split('/').pop() ?? '');
  if (!status || !id) return false;
  typing = { keys: [], saved: [], commits: [], slowEvents: [] };
  const t = typing;
  let current: Key | null = null;
  const onDown = () => {
    current = { down: performance.now(), inputStart: 0, inputEnd: 0, inputWall: 0 };
    t.keys.push(current);
  };
  const onInputStart = () => {
    if (current) Object.assign(current, { inputStart: performance.now(), inputWall: Date.now() });
  };
  const onInputEnd = () => {
    if (current) current.inputEnd = performance.now();
  };
  window.addEventListener('keydown', onDown, true);
  window.addEventListener('input', onInputStart, true);
  window.addEventListener('input', onInputEnd, false);
  let wasSaved = status.textContent === SAVED;
  const observer = new MutationObserver(() => {
    const saved = status.textContent === SAVED;
    if (saved && !wasSaved) t.saved.push(performance.now());
    wasSaved = saved;
  });
  observer.observe(status, { childList: true, subtree: true, characterData: true });
  // Event Timing reports only events of 16 ms or more (its smallest threshold): the slow ones.
  const events = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      if (['keydown', 'keypress', 'input', 'keyup'].includes(e.name))
        t.slowEvents.push({
          name: e.name,
          duration: e.duration,
          processing: e.processingEnd - e.processingStart,
        });
    }
  });
  events.observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  const db = await openAppDb();
  let last = await readUpdatedAt(db, id);
  let polling = true;
  const poll = async () => {
    while (polling) {
      const updatedAt = await readUpdatedAt(db, id).catch(() => last);
      if (updatedAt !== null && updatedAt !== last) t.commits.push({ seenAt: performance.now(), updatedAt });
      last = updatedAt;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    db.close();
  };
  void poll();
  stop = () => {
    polling = false;
    observer.disconnect();
    events.disconnect();
    window.removeEventListener('keydown', onDown, true);
    window.removeEventListener('input', onInputStart, true);
    window.removeEventListener('input', onInputEnd, false);
  };
  return true;
}

export function stopTyping(): Typing {
  stop();
  return typing;
}
