// The search index over the service directory: built once each time the directory changes, then
// read on every keystroke. Words are numbered in sorted order, so "every word starting with X" is
// one contiguous range of numbers; names likewise, so "every name starting with X" is one range.
import { normalise, wordsOf } from './normalise.ts';
import type { Service } from './service.ts';

/**
 * Built by `buildIndex`; never changed afterwards (the typed arrays included). A keystroke reads
 * only numbers per candidate: strings scattered over the heap are slow to visit in bulk.
 */
export interface ServiceIndex {
  readonly services: readonly Service[];
  /** Normalised name per service: its stored `key`. */
  readonly keys: readonly string[];
  readonly keyLength: Int32Array;
  /** Every distinct word of every name, sorted. A word's number is its place here. */
  readonly vocabulary: readonly string[];
  /** Services having word w: `postings[postingStart[w] .. postingStart[w + 1])`, ascending. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /** Word numbers of service s in name order: `nameWords[nameWordStart[s] .. nameWordStart[s + 1])`. */
  readonly nameWordStart: Int32Array;
  readonly nameWords: Int32Array;
  /** Services in alphabetical order of key, and each service's place in that order. */
  readonly alphabetical: Int32Array;
  readonly alphabeticalPlace: Int32Array;
  /** Distinct normalised types, and each service's type as a place in that list. */
  readonly typeNames: readonly string[];
  readonly typeOf: Int32Array;
}

/** Half-open range of numbers (word numbers or alphabetical places). */
export type Range = { readonly from: number; readonly to: number };

/**
 * Builds the index from services whose `key` is `normalise(name)` (as `parseHealthservice` makes
 * it). The stored key is trusted so that a rebuild costs no normalising; if `normalise` ever
 * changes, the store recomputes the keys in a migration.
 */
export function buildIndex(services: readonly Service[]): ServiceIndex {
  const list = Object.freeze([...services]);
  const { vocabulary, nameWordStart, nameWords, keyLength } = numberWords(list);
  const alphabetical = sortByName(nameWordStart, nameWords);
  const alphabeticalPlace = new Int32Array(list.length);
  alphabetical.forEach((s, place) => {
    alphabeticalPlace[s] = place;
  });
  return Object.freeze({
    services: list,
    keys: Object.freeze(list.map((s) => s.key)),
    keyLength,
    vocabulary: Object.freeze(vocabulary),
    ...invert(nameWordStart, nameWords, vocabulary.length),
    nameWordStart,
    nameWords,
    alphabetical,
    alphabeticalPlace,
    ...numberTypes(list),
  });
}

/** One pass over the names: number words as first met, then renumber them in sorted order. */
function numberWords(services: readonly Service[]) {
  const firstMet = new Map<string, number>();
  const nameWordStart = new Int32Array(services.length + 1);
  const keyLength = new Int32Array(services.length);
  const met: number[] = [];
  services.forEach((service, s) => {
    nameWordStart[s] = met.length;
    keyLength[s] = service.key.length;
    for (const word of wordsOf(service.key)) {
      const n = firstMet.get(word) ?? firstMet.size;
      if (n === firstMet.size) firstMet.set(word, n);
      met.push(n);
    }
  });
  nameWordStart[services.length] = met.length;
  const vocabulary = [...firstMet.keys()].sort();
  const sortedNumber = new Int32Array(vocabulary.length);
  vocabulary.forEach((word, n) => {
    sortedNumber[firstMet.get(word) ?? 0] = n;
  });
  const nameWords = Int32Array.from(met, (n) => sortedNumber[n] ?? 0);
  return { vocabulary, nameWordStart, nameWords, keyLength };
}

/**
 * Services sorted by key, comparing word numbers: the same order as comparing the keys as
 * strings, because words are sorted and the space between words sorts before any letter.
 */
function sortByName(nameWordStart: Int32Array, nameWords: Int32Array): Int32Array {
  const order = Int32Array.from({ length: nameWordStart.length - 1 }, (_, s) => s);
  return order.sort((a, b) => {
    const startA = nameWordStart[a] ?? 0;
    const startB = nameWordStart[b] ?? 0;
    const lengthA = (nameWordStart[a + 1] ?? 0) - startA;
    const lengthB = (nameWordStart[b + 1] ?? 0) - startB;
    for (let i = 0; i < lengthA && i < lengthB; i++) {
      const difference = (nameWords[startA + i] ?? 0) - (nameWords[startB + i] ?? 0);
      if (difference !== 0) return difference;
    }
    return lengthA - lengthB || a - b;
  });
}

/** From each name's words to each word's services (a word repeated in one name counts once). */
function invert(nameWordStart: Int32Array, nameWords: Int32Array, vocabularySize: number) {
  const forEachWord = (visit: (s: number, n: number) => void) => {
    for (let s = 0; s + 1 < nameWordStart.length; s++) {
      const start = nameWordStart[s] ?? 0;
      for (let i = start; i < (nameWordStart[s + 1] ?? 0); i++) {
        const n = nameWords[i] ?? 0;
        if (!hasWordBetween(nameWords, start, i, n)) visit(s, n);
      }
    }
  };
  const postingStart = new Int32Array(vocabularySize + 1);
  forEachWord((_, n) => {
    postingStart[n + 1] = (postingStart[n + 1] ?? 0) + 1;
  });
  for (let n = 1; n <= vocabularySize; n++)
    postingStart[n] = (postingStart[n] ?? 0) + (postingStart[n - 1] ?? 0);
  const postings = new Int32Array(postingStart[vocabularySize] ?? 0);
  const fill = postingStart.slice(0, vocabularySize);
  forEachWord((s, n) => {
    postings[fill[n] ?? 0] = s;
    fill[n] = (fill[n] ?? 0) + 1;
  });
  return { postingStart, postings };
}

function hasWordBetween(words: Int32Array, from: number, to: number, n: number): boolean {
  for (let i = from; i < to; i++) if (words[i] === n) return true;
  return false;
}

function numberTypes(services: readonly Service[]) {
  const numbers = new Map<string, number>();
  const byRawType = new Map<string, number>(); // few distinct types: normalise each once
  const typeOf = Int32Array.from(services, (s) => {
    const seen = byRawType.get(s.type);
    if (seen !== undefined) return seen;
    const type = normalise(s.type);
    const n = numbers.get(type) ?? numbers.size;
    numbers.set(type, n);
    byRawType.set(s.type, n);
    return n;
  });
  return { typeNames: Object.freeze([...numbers.keys()]), typeOf };
}

/** The first place in `[0, size)` where `isAfter` turns true (it must be false, then true). */
export function firstWhere(size: number, isAfter: (i: number) => boolean): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (isAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
