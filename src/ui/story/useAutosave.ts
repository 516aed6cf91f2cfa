// Keeps the open draft in component state and writes it to the device through the save queue: 300 ms
// after a change, and at once on flush (a field left, a step change, the page hidden or going away).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Draft } from '../../domain/story.ts';
import { useApp } from '../actions.ts';
import { createDraftSaver, type DraftSaver, type SaveStatusValue } from './draftSaver.ts';

export type { SaveStatusValue } from './draftSaver.ts';

export type Autosave = {
  draft: Draft;
  /** Replaces the draft on screen at once and schedules its save. */
  change(next: Draft): void;
  /** Saves now; resolves when the latest draft is written (or the write failed). */
  flush(): Promise<boolean>;
  status: SaveStatusValue;
};

export function useAutosave(id: string, initial: Draft): Autosave {
  const { actions } = useApp();
  // The draft on screen is only ever replaced by typing: a save's answer never touches it.
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<SaveStatusValue>({ kind: 'saved' });
  const saver = useRef<DraftSaver | null>(null);
  saver.current ??= createDraftSaver(initial, {
    save: (next) => actions.saveDraft(id, next),
    onStatus: setStatus,
    handOver: (unsaved) => void actions.keepUnsavedDraft(id, unsaved),
  });
  const current = saver.current;

  useEffect(() => {
    const handleVisibility = () => {
      if (document.visibilityState === 'hidden') void current.flush();
    };
    const handlePageHide = () => void current.flush();
    document.addEventListener('visibilitychange', handleVisibility);
    window.addEventListener('pagehide', handlePageHide);
    // Locking: a save that fails hands the draft over, sealed, before the key goes.
    const unregister = actions.registerSaveHook(async () => {
      if (!(await current.flush())) await current.dispose();
    });
    return () => {
      document.removeEventListener('visibilitychange', handleVisibility);
      window.removeEventListener('pagehide', handlePageHide);
      unregister();
      void current.dispose(); // leaving the screen saves what is left
    };
  }, [actions, current]);

  const change = (next: Draft) => {
    setDraft(next);
    current.change(next);
  };
  return { draft, change, flush: current.flush, status };
}
