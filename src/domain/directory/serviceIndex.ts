// The search index over the service directory: built once each time the directory changes, then
// read on every keystroke. Words are numbered in sorted order, so "every word starting with X" is
// one contiguous range of numbers; names likewise, so "every name starting with X" is one range.
// A service is found by the words of its name and of its place (site and organisation).
import { normalise, wordsOf } from './normalise.ts';
import type { Service } from './service.ts';
import { placesOf, type ServicePlaces } from './servicePlaces.ts';
import { packServices, type ServiceTable } from './serviceTable.ts';

/**
 * Built by `buildIndex`; never changed afterwards (the typed arrays included). A keystroke reads
 * only numbers per candidate: strings scattered over the heap are slow to visit in bulk. Only
 * plain data (arrays, typed arrays, strings), so it can be stored and sent to a worker as it is.
 */
export interface ServiceIndex extends ServicePlaces {
  /** The services, packed (`serviceAt`, `keyAt`, `nameAt` read one). */
  readonly services: ServiceTable;
  /** Length of each service's normalised name (its stored `key`). */
  readonly keyLength: Int32Array;
  /** Every distinct word of every name and place, sorted. A word's number is its place here. */
  readonly vocabulary: readonly string[];
  /** Services having word w: `postings[postingStart[w] .. postingStart[w + 1])`, ascending. */
  readonly postingStart: Int32Array;
  readonly postings: Int32Array;
  /**
   * Word numbers of service s: `words[wordStart[s] .. wordStart[s + 1])`, its name's in order up to
   * `nameEnd[s]`, then its site's and its organisation's.
   */
  readonly wordStart: Int32Array;
  readonly nameEnd: Int32Array;
  readonly words: Int32Array;
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
  const places = placesOf(services);
  const { vocabulary, wordStart, nameEnd, words, keyLength } = numberWords(services, places);
  const alphabetical = sortByName(wordStart, nameEnd, words);
  const alphabeticalPlace = new Int32Array(services.length);
  alphabetical.forEach((s, place) => {
    alphabeticalPlace[s] = place;
  });
  return Object.freeze({
    services: packServices(services),
    keyLength,
    vocabulary: Object.freeze(vocabulary),
    ...invert(wordStart, words, vocabulary.length),
    wordStart,
    nameEnd,
    words,
    alphabetical,
    alphabeticalPlace,
    ...numberTypes(services),
    ...places,
  });
}

/** Numbers words as first met (names first, then each organisation once), then in sorted order. */
function numberWords(services: readonly Service[], places: ServicePlaces) {
  const firstMet = new Map<string, number>();
  const number = (word: string) => {
    const n = firstMet.get(word) ?? firstMet.size;
    if (n === firstMet.size) firstMet.set(word, n);
    return n;
  };
  const keyLength = Int32Array.from(services, (s) => s.key.length);
  const nameNumbers = services.map((s) => wordsOf(s.key).map(number));
  const organisationNumbers = places.organisationKeys.map((key) => wordsOf(key).map(number));
  const wordStart = new Int32Array(services.length + 1);
  const nameEnd = new Int32Array(services.length);
  const met: number[] = [];
  services.forEach((_, s) => {
    wordStart[s] = met.length;
    met.push(...(nameNumbers[s] ?? []));
    nameEnd[s] = met.length;
    met.push(...(nameNumbers[places.siteOf[s] ?? -1] ?? []));
    met.push(...(organisationNumbers[places.organisationOf[s] ?? -1] ?? []));
  });
  wordStart[services.length] = met.length;
  const vocabulary = [...firstMet.keys()].sort();
  const sortedNumber = new Int32Array(vocabulary.length);
  vocabulary.forEach((word, n) => {
    sortedNumber[firstMet.get(word) ?? 0] = n;
  });
  const words = Int32Array.from(met, (n) => sortedNumber[n] ?? 0);
  return { vocabulary, wordStart, nameEnd, words, keyLength };
}

/**
 * Services sorted by key, comparing their names' word numbers: the same order as comparing the
 * keys as strings, because words are sorted and the space between words sorts before any letter.
 */
function sortByName(wordStart: Int32Array, nameEnd: Int32Array, words: Int32Array): Int32Array {
  const order = Int32Array.from({ length: nameEnd.length }, (_, s) => s);
  return order.sort((a, b) => {
    const startA = wordStart[a] ?? 0;
    const startB = wordStart[b] ?? 0;
    const lengthA = (nameEnd[a] ?? 0) - startA;
    const lengthB = (nameEnd[b] ?? 0) - startB;
    for (let i = 0; i < lengthA && i < lengthB; i++) {
      const difference = (words[startA + i] ?? 0) - (words[startB + i] ?? 0);
      if (difference !== 0) return difference;
    }
    return lengthA - lengthB || a - b;
  });
}

/** From each service's words to each word's services (a word repeated in one service counts once). */
function invert(wordStart: Int32Array, words: Int32Array, vocabularySize: number) {
  const forEachWord = (visit: (s: number, n: number) => void) => {
    for (let s = 0; s + 1 < wordStart.length; s++) {
      const start = wordStart[s] ?? 0;
      for (let i = start; i < (wordStart[s + 1] ?? 0); i++) {
        const n = words[i] ?? 0;
        if (!hasWordBetween(words, start, i, n)) visit(s, n);
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
