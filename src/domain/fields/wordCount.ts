// Word counting for the live count beside the story, and Care Opinion's 1,000-word guidance.
// We warn above the limit and never cut anything: the words are the storyteller's.

export const WORD_LIMIT = 1000;

/** The count, and whether it is over the limit (the screen warns: `lengthWarning`). */
export type LengthCheck = { words: number; over: boolean; limit: number };

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

/** The count and whether it is above the limit (never cut: the screen only warns). */
export function checkLength(text: string): LengthCheck {
  const words = countWords(text);
  return { words, over: words > WORD_LIMIT, limit: WORD_LIMIT };
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
