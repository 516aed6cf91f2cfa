// Typing mistakes: which words of the directory a typed word may have meant. A typed word of five
// or more letters also matches the words having a prefix one edit away from it (a letter missing,
// one too many, one wrong, or two neighbours swapped): "elderley" finds "elderly", "orthopedics"
// finds "orthopaedics". Shorter words match only as typed ("wrad" is not "ward").
//
// Nothing is added to the index: every prefix one edit away is searched for in the sorted
// vocabulary, and the words starting with it are one range there. A wrong or missing letter can be
// any letter, so only the letters that really follow in the vocabulary are tried, found by the same
// binary search. Letters here are UTF-16 code units of the normalised word.
import { firstWhere, type Range } from './serviceIndex.ts';

/** Typed words this long or longer may hold one typing mistake. */
export const NEAR_MIN_LENGTH = 5;

/** The numbers of the words within `within` (all of them by default) that start with `prefix`. */
export function prefixRange(words: readonly string[], prefix: string, within?: Range): Range {
  const start = within?.from ?? 0;
  const end = within?.to ?? words.length;
  const word = (i: number) => words[i] ?? '';
  const from = start + firstWhere(end - start, (i) => word(start + i) >= prefix);
  return { from, to: from + firstWhere(end - from, (i) => !word(from + i).startsWith(prefix)) };
}

/**
 * The words that `typed` may have meant but that do not start with it (those are `exact`): each
 * has a prefix, at most one letter shorter than `typed`, within one edit of `typed`. Sorted
 * ranges of word numbers, apart from each other and from `exact`; none when `typed` is short.
 */
export function nearRanges(words: readonly string[], typed: string, exact: Range): Range[] {
  if (typed.length < NEAR_MIN_LENGTH) return [];
  const found: Range[] = [];
  const add = (prefix: string, within: Range) => {
    const range = prefixRange(words, prefix, within);
    if (range.from < range.to) found.push(range);
  };
  for (let i = 0; i < typed.length; i++) {
    const head = typed.slice(0, i);
    const headed = prefixRange(words, head); // every edit at i keeps the letters before it
    if (headed.from === headed.to) break; // and none with a longer head either
    add(head + typed.slice(i + 1), headed); // a letter too many
    if (i + 1 < typed.length) add(head + typed.charAt(i + 1) + typed.charAt(i) + typed.slice(i + 2), headed); // swapped
    if (headed.to - headed.from > FEW_WORDS) {
      forEachNextLetter(words, head, headed, (letter, within) => {
        add(head + letter + typed.slice(i + 1), within); // a wrong letter
        add(head + letter + typed.slice(i), within); // a missing letter (one missing at the end is a prefix)
      });
    } else {
      addEach(words, headed, (word) => word.length > i && word.startsWith(typed.slice(i + 1), i + 1), found);
      addEach(words, headed, (word) => word.startsWith(typed.slice(i), i + 1), found);
    }
  }
  return outside(merged(found), exact);
}

/** Below this many words starting with the same letters, checking each beats searching per letter. */
const FEW_WORDS = 32;

/** Adds each word in `range` that `isNear` takes, as a range of one. */
function addEach(words: readonly string[], range: Range, isNear: (word: string) => boolean, found: Range[]) {
  for (let n = range.from; n < range.to; n++) if (isNear(words[n] ?? '')) found.push({ from: n, to: n + 1 });
}

/** Calls `visit` with each letter that follows `head` in `headed` (the words starting with it), and the words starting with both. */
function forEachNextLetter(
  words: readonly string[],
  head: string,
  headed: Range,
  visit: (letter: string, within: Range) => void,
): void {
  let at = headed.from;
  if ((words[at] ?? '').length === head.length) at++; // `head` itself, sorted first
  while (at < headed.to) {
    const letter = (words[at] ?? '').charAt(head.length);
    const start = at;
    const next = head + letter;
    const to = start + firstWhere(headed.to - start, (i) => !(words[start + i] ?? '').startsWith(next));
    visit(letter, { from: start, to });
    at = Math.max(to, at + 1);
  }
}

function merged(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r.from <= last.to) last.to = Math.max(last.to, r.to);
    else out.push({ from: r.from, to: r.to });
  }
  return out;
}

/** The parts of sorted, separate `ranges` outside `cut`. */
function outside(ranges: Range[], cut: Range): Range[] {
  if (cut.from === cut.to) return ranges;
  return ranges.flatMap((r) =>
    [
      { from: r.from, to: Math.min(r.to, cut.from) },
      { from: Math.max(r.from, cut.to), to: r.to },
    ].filter((part) => part.from < part.to),
  );
}
