// Word counting for the live count beside the story, and Care Opinion's 1,000-word guidance.
// We warn above the limit and never cut anything: the words are the storyteller's.
import type { Messages } from '../words/index.ts';

export const WORD_LIMIT = 1000;

export type LengthCheck = { words: number; over: boolean; warning: string | null };

// A word has at least one letter, digit or pictograph; a lone dash or "…" is not a word.
const WORDLIKE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** Whitespace-separated words (any Unicode space), ignoring tokens made only of punctuation. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of String(text).split(/\s+/u)) {
    if (WORDLIKE.test(token)) count++;
  }
  return count;
}

/** The count and, above the limit, a warning that says nothing will be cut. */
export function checkLength(text: string, t: Messages): LengthCheck {
  const words = countWords(text);
  if (words <= WORD_LIMIT) return { words, over: false, warning: null };
  return {
    words,
    over: true,
    warning: t.story.overLimit(WORD_LIMIT, words),
  };
}

/** Counts worth saying aloud as a story grows: a screen reader hears these, not every word. */
export const WORD_MILESTONES = [100, 250, 500, 750, 900, WORD_LIMIT] as const;

/**
 * What a screen reader should hear after the count went from `before` to `after`: the highest milestone
 * passed on the way up, or `over` on first going past the limit; nothing otherwise (deleting is quiet).
 */
export function wordMilestone(before: number, after: number): { words: number; over: boolean } | null {
  if (before <= WORD_LIMIT && after > WORD_LIMIT) return { words: after, over: true };
  const passed = WORD_MILESTONES.filter((m) => before < m && m <= after);
  const top = passed[passed.length - 1];
  return top === undefined ? null : { words: top, over: false };
}
