// How a query is searched: each of its words as the words it matches (a range of word numbers, and
// for a long typed word the words one typing mistake away), the rarest scanned, the others checked;
// the ranges of names equal to the query or starting with it, the type filter and preferences.
import { nearRanges, prefixRange } from './nearWords.ts';
import { normalise, wordsOf } from './normalise.ts';
import { firstWhere, type Range, type ServiceIndex } from './serviceIndex.ts';
import { keyAt } from './serviceTable.ts';

/** The words one query word matches: those it starts (`exact`) and those one edit away (`near`). */
export type WordMatch = {
  readonly exact: Range;
  /** Sorted, apart from `exact`; empty for a word under five letters. */
  readonly near: readonly Range[];
  /** Per word number, 1 when the word is in `near` (undefined when `near` is empty). */
  readonly isNear: Uint8Array | undefined;
};

export type Plan = {
  first: WordMatch; // the first query word
  rarest: WordMatch; // the query word matching fewest services: the ones to scan
  others: WordMatch[]; // the query words left to verify
  all: WordMatch[]; // every query word, to tell a match by the name alone
  hasNear: boolean; // some query word has near words: a service may match only through them
  exact: Range; // alphabetical places of names equal to the query
  starts: Range; // alphabetical places of names starting with the query (exact.from = starts.from)
  type: number; // -1: any type
  preferred: Uint8Array | undefined;
  wordEnd: Int32Array; // where each service's words end (name and place)
};

/** The plan for `query`, or undefined when nothing can match (a blank query, an unknown word or type). */
export function planOf(
  index: ServiceIndex,
  query: string,
  typeName: unknown,
  preferred: unknown,
): Plan | undefined {
  const q = normalise(query);
  const matches = [...new Set(wordsOf(q))].map((word) => wordMatch(index, word));
  const first = matches[0];
  const type = typeof typeName === 'string' ? normalise(typeName) : '';
  const typeNumber = type === '' ? -1 : index.typeNames.indexOf(type);
  const isEmpty = (m: WordMatch) => m.exact.from === m.exact.to && m.near.length === 0;
  if (first === undefined || matches.some(isEmpty) || (type !== '' && typeNumber < 0)) return;
  const postings = (r: Range) => (index.postingStart[r.to] ?? 0) - (index.postingStart[r.from] ?? 0);
  const weight = (m: WordMatch) => m.near.reduce((sum, r) => sum + postings(r), postings(m.exact));
  const rarest = matches.reduce((a, b) => (weight(b) < weight(a) ? b : a));
  const others = matches.filter((m) => m !== rarest);
  const name = (i: number) => keyAt(index.services, index.alphabetical[i] ?? 0);
  const size = index.alphabetical.length;
  const from = firstWhere(size, (i) => name(i) >= q);
  const exact = { from, to: firstWhere(size, (i) => name(i) > q) };
  const starts = { from, to: firstWhere(size, (i) => name(i) >= q && !name(i).startsWith(q)) };
  const byService = preferred instanceof Uint8Array && preferred.length === size ? preferred : undefined;
  return {
    first,
    rarest,
    others,
    all: matches,
    hasNear: matches.some((m) => m.near.length > 0),
    exact,
    starts,
    type: typeNumber,
    preferred: byService,
    wordEnd: index.wordStart.subarray(1),
  };
}

// The last few words' matches per vocabulary: as a query is typed, every keystroke repeats the
// words before the one being typed. Only a cache (a WordMatch is never changed once made).
const RECENT = 16;
const recentMatches = new WeakMap<readonly string[], Map<string, WordMatch>>();

/** The words that `typed` starts, and those it may have meant with one typing mistake. */
function wordMatch(index: ServiceIndex, typed: string): WordMatch {
  const words = index.vocabulary;
  const recent = recentMatches.get(words) ?? new Map<string, WordMatch>();
  const known = recent.get(typed);
  if (known !== undefined) return known;
  const exact = prefixRange(words, typed);
  const near = nearRanges(words, typed, exact);
  let isNear: Uint8Array | undefined;
  if (near.length > 0) {
    isNear = new Uint8Array(words.length);
    for (const r of near) isNear.fill(1, r.from, r.to);
  }
  const match = { exact, near, isNear };
  if (recent.size >= RECENT) recent.clear();
  recent.set(typed, match);
  recentMatches.set(words, recent);
  return match;
}
