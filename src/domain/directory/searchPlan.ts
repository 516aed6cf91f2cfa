// How a query is searched: its words as ranges of word numbers (the rarest scanned, the others
// checked), the ranges of names equal to it or starting with it, the type filter and preferences.
import { normalise, wordsOf } from './normalise.ts';
import { firstWhere, type Range, type ServiceIndex } from './serviceIndex.ts';
import { keyAt } from './serviceTable.ts';

export type Plan = {
  first: Range; // words matching the first query word
  rarest: Range; // the query word matching fewest services: the ones to scan
  others: Range[]; // the query words left to verify
  all: Range[]; // every query word, to tell a match by the name alone
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
  const ranges = [...new Set(wordsOf(q))].map((word) => wordRange(index, word));
  const first = ranges[0];
  const type = typeof typeName === 'string' ? normalise(typeName) : '';
  const typeNumber = type === '' ? -1 : index.typeNames.indexOf(type);
  if (first === undefined || ranges.some((r) => r.from === r.to) || (type !== '' && typeNumber < 0)) return;
  const weight = (r: Range) => (index.postingStart[r.to] ?? 0) - (index.postingStart[r.from] ?? 0);
  const rarest = ranges.reduce((a, b) => (weight(b) < weight(a) ? b : a));
  const others = ranges.filter((r) => r !== rarest);
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
    all: ranges,
    exact,
    starts,
    type: typeNumber,
    preferred: byService,
    wordEnd: index.wordStart.subarray(1),
  };
}

/** The numbers of every word that starts with `prefix`. */
function wordRange(index: ServiceIndex, prefix: string): Range {
  const words = index.vocabulary;
  const word = (i: number) => words[i] ?? '';
  const from = firstWhere(words.length, (i) => word(i) >= prefix);
  return { from, to: firstWhere(words.length, (i) => word(i) >= prefix && !word(i).startsWith(prefix)) };
}
