// The save queue behind autosave, free of Preact so it can be tested: one write in flight, the latest
// draft always wins, a late answer never counts for newer typing, and a failed write is retried.
import type { Draft } from '../../domain/story/story.ts';
import type { DraftSaveResult, SaveFailure } from '../actions.ts';

export type SaveStatusValue =
  | { kind: 'not-started' }
  | { kind: 'saved'; savedAt?: number | undefined }
  | { kind: 'saving' }
  | { kind: 'failed'; failure: SaveFailure };

export type Timers = {
  set(run: () => void, ms: number): ReturnType<typeof setTimeout>;
  clear(handle: ReturnType<typeof setTimeout> | undefined): void;
};

export type DraftSaverDeps = {
  save(draft: Draft): Promise<DraftSaveResult>;
  onStatus(status: SaveStatusValue): void;
  timers?: Timers;
  debounceMs?: number;
  retryMs?: number;
  /** The saver lets go with unsaved work (its screen closed, the app locks): keep it and retry. */
  handOver?: (draft: Draft) => void;
};

export type DraftSaver = {
  /** A newer draft: shown as "Saving…" at once, written within the debounce of the first unsaved change. */
  change(next: Draft): void;
  /** Writes now; true once the latest draft is written, false if the write failed. */
  flush(): Promise<boolean>;
  /**
   * The screen closes or the app locks: one last write; if it fails the draft is handed over
   * (kept sealed and retried elsewhere) and this saver stops. True when it was written.
   */
  dispose(): Promise<boolean>;
};

const REAL_TIMERS: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (h) => clearTimeout(h) };

export function createDraftSaver(initial: Draft, deps: DraftSaverDeps): DraftSaver {
  const timers = deps.timers ?? REAL_TIMERS;
  // 200 ms, not 300: the write itself takes time, and the commit must land within 300 ms of a key.
  const debounceMs = deps.debounceMs ?? 200;
  const retryMs = deps.retryMs ?? 3000;
  let latest = initial;
  let version = 0;
  let saved = 0;
  let failed = false;
  let refused = false;
  let disposed = false;
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A write is already due: typing on does not push it back, so every change is written within
  // the debounce of its first unsaved keystroke, even while someone types without a pause.
  let due = false;

  const schedule = (ms: number) => {
    timers.clear(timer);
    timer = disposed ? undefined : timers.set(() => void flush(), ms);
  };

  async function write(): Promise<void> {
    while (saved < version) {
      const writing = version;
      const result = await saveSafely(() => deps.save(latest));
      if (!result.ok) {
        failed = true;
        refused = result.kind === 'refused';
        deps.onStatus({ kind: 'failed', failure: result });
        if (!refused) schedule(retryMs); // a refusal (queued elsewhere, damaged) is not retried
        return;
      }
      saved = Math.max(saved, writing);
      failed = false;
      if (saved === version) deps.onStatus({ kind: 'saved', savedAt: result.savedAt });
    }
  }

  function flush(): Promise<boolean> {
    timers.clear(timer);
    due = false;
    if (refused) return Promise.resolve(false); // it would be refused again: nothing to try
    if (running) return running.then(() => (saved < version && !failed ? flush() : saved >= version));
    if (saved >= version) return Promise.resolve(true);
    const current = write().finally(() => {
      running = null;
    });
    running = current;
    return current.then(() => saved >= version);
  }

  return {
    change(next) {
      latest = next;
      version += 1;
      if (!failed) deps.onStatus({ kind: 'saving' });
      if (!due) {
        due = true;
        schedule(debounceMs);
      }
    },
    flush,
    async dispose() {
      if (disposed) return saved >= version;
      const last = flush();
      disposed = true;
      timers.clear(timer);
      const written = await last;
      timers.clear(timer);
      if (!written && !refused) deps.handOver?.(latest);
      return written;
    },
  };
}

/** A save that throws is a failure to show, not a lost draft (the device did not accept the write). */
async function saveSafely(save: () => Promise<DraftSaveResult>): Promise<DraftSaveResult> {
  try {
    return await save();
  } catch {
    // A save that threw: shown as the device not accepting the write, the draft kept on screen and retried.
    return { ok: false, reason: 'writeRefused', kind: 'other' };
  }
}
