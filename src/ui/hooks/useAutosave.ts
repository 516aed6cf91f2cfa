// Keeps the open draft in component state and writes it to the device: 300 ms after a change, at once
// on flush (blur, step change, page hidden), one write at a time, the latest draft always winning.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../../domain/story.ts';
import { type DraftSaveResult, type SaveFailure, useApp } from '../actions.ts';

export type SaveStatusValue =
  | { kind: 'saved'; savedAt?: number | undefined }
  | { kind: 'saving' }
  | { kind: 'failed'; failure: SaveFailure };

export type Autosave = {
  draft: Draft;
  /** Replaces the draft on screen at once and schedules its save. */
  change(next: Draft): void;
  /** Saves now; resolves when the latest draft is written (or the write failed). */
  flush(): Promise<void>;
  status: SaveStatusValue;
};

const DEBOUNCE_MS = 300;
const RETRY_MS = 3000;

export function useAutosave(id: string, initial: Draft): Autosave {
  const { actions } = useApp();
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<SaveStatusValue>({ kind: 'saved' });
  // Versions, not drafts, decide what is saved: a late answer never replaces newer typing.
  const s = useRef({
    latest: initial,
    version: 0,
    saved: 0,
    running: null as Promise<void> | null,
    failed: false,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const write = useCallback(async (): Promise<void> => {
    const box = s.current;
    while (box.saved < box.version) {
      const version = box.version;
      const result = await saveSafely(() => actions.saveDraft(id, box.latest));
      if (!result.ok) {
        box.failed = true;
        setStatus({ kind: 'failed', failure: result });
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
        return;
      }
      box.saved = Math.max(box.saved, version);
      box.failed = false;
      if (box.saved === box.version) setStatus({ kind: 'saved', savedAt: result.savedAt });
    }
  }, [actions, id]);

  const flush = useCallback((): Promise<void> => {
    clearTimeout(timer.current);
    const box = s.current;
    if (box.running)
      return box.running.then(() => (box.saved < box.version ? flushRef.current() : undefined));
    if (box.saved >= box.version) return Promise.resolve();
    const running = write().finally(() => {
      box.running = null;
    });
    box.running = running;
    return running;
  }, [write]);
  const flushRef = useRef(flush);
  flushRef.current = flush;

  const change = useCallback((next: Draft) => {
    const box = s.current;
    box.latest = next;
    box.version += 1;
    setDraft(next);
    if (!box.failed) setStatus({ kind: 'saving' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), DEBOUNCE_MS);
  }, []);

  useEffect(() => {
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') void flushRef.current();
    };
    const handlePageHide = () => void flushRef.current();
    document.addEventListener('visibilitychange', handleVisibility);
    window.addEventListener('pagehide', handlePageHide);
    const unregister = actions.registerSaveHook(() => flushRef.current());
    return () => {
      document.removeEventListener('visibilitychange', handleVisibility);
      window.removeEventListener('pagehide', handlePageHide);
      unregister();
      void flushRef.current(); // leaving the screen saves what is left
      clearTimeout(timer.current);
    };
  }, [actions]);

  return { draft, change, flush, status };
}

/** A save that throws is a failure to show, not a lost draft. */
async function saveSafely(save: () => Promise<DraftSaveResult>): Promise<DraftSaveResult> {
  try {
    return await save();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'The device did not accept the write.';
    return { ok: false, reason, kind: 'other' };
  }
}
