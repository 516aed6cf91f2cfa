// What a screen reader hears while a story is typed: "saved" only once typing has paused for a while
// (not "Saving… Saved" after every word), a failed save at once, and the word count only at milestones.
import { useEffect, useRef } from 'preact/hooks';
import { WORD_LIMIT, wordMilestone } from '../../domain/fields/wordCount.ts';
import { useAnnounce } from '../shared/announce.ts';
import { useText } from '../shared/text.ts';
import type { SaveStatusValue } from './useAutosave.ts';

/** How long typing must have stopped before "saved" is worth saying. */
export const SAVED_PAUSE_MS = 2500;

export function useSaveAnnouncement(status: SaveStatusValue): void {
  const announce = useAnnounce();
  const t = useText();
  // Only a save that followed typing is news; opening a story is not.
  const typed = useRef(false);
  useEffect(() => {
    if (status.kind === 'saving') typed.current = true;
    if (status.kind === 'failed') {
      typed.current = true;
      announce(t.a11y.notSaved);
    }
    if (status.kind !== 'saved' || !typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      announce(t.a11y.saved);
    }, SAVED_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [status.kind, announce, t]);
}

export function useWordCountAnnouncement(words: number): void {
  const announce = useAnnounce();
  const t = useText();
  const before = useRef(words);
  useEffect(() => {
    const milestone = wordMilestone(before.current, words);
    before.current = words;
    if (milestone) {
      announce(
        milestone.over ? t.story.overLimit(WORD_LIMIT, milestone.words) : t.story.words(milestone.words),
      );
    }
  }, [words, announce, t]);
}
