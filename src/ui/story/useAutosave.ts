// Keeps the open draft in component state and writes it to the device through the save queue: 300 ms
// after a change, and at once on flush (a field left, a step change, the page hidden or going away).
// A new story ("New story") is kept only from its first answer: until then nothing is written.
import { useEffect, useRef, useState } from 'preact/hooks';
import { startsStory } from '../../domain/story/draftEdits.ts';
import type { Draft } from '../../domain/story/story.ts';
import { useStoryActions } from '../actions.ts';
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

/** `stored`: the draft is on the device already; otherwise it is created by its first answer. */
export type AutosaveOptions = { stored: boolean; onStored?: () => void };

export function useAutosave(id: string, initial: Draft, options: AutosaveOptions): Autosave {
  const actions = useStoryActions();
  // The draft on screen is only ever replaced by typing: a save's answer never touches it.
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<SaveStatusValue>(
    options.stored ? { kind: 'saved' } : { kind: 'not-started' },
  );
  const stored = useRef(options.stored);
  const onStored = useRef(options.onStored);
  onStored.current = options.onStored;
  const saver = useRef<DraftSaver | null>(null);
  saver.current ??= createDraftSaver(initial, {
    save: async (next) => {
      if (stored.current) return actions.saveDraft(id, next);
      const result = await actions.createStory(id, next);
      if (result.ok) {
        stored.current = true;
        onStored.current?.();
      }
      return result;
    },
    onStatus: setStatus,
    handOver: (unsaved) => void actions.keepUnsavedDraft(id, unsaved, !stored.current),
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
    // Until the first answer (a step moved, nothing typed) there is nothing to keep.
    if (stored.current || startsStory(initial, next)) current.change(next);
  };
  return { draft, change, flush: current.flush, status };
}
