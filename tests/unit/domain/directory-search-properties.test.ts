// Properties of service search for any directory: every service is found by its own name, by
// prefixes of its words and of its site's and organisation's, and with one typing mistake in a
// word of five or more letters; results equal a plain brute-force ranking (services chosen before
// first, typing mistakes after), and nothing ever throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearRanges, prefixRange } from '../../../src/domain/directory/nearWords.ts';
import { wordsOf } from '../../../src/domain/directory/normalise.ts';
import {
  buildIndex,
  normalise,
  PREFERRED_MAX,
  preferenceOf,
  searchServices,
} from '../../../src/domain/directory/search.ts';
import type { Service } from '../../../src/domain/directory/service.ts';

const awkwardWord = fc.constantFrom(
  'St',
  "Mary's",
  'Thérèse',
  'Ward',
  '&',
  'Hospital',
  'Hosp',
  'Royal',
  'Ear,',
  'Nose',
  'A&E',
  "Children's",
  "O'Brien",
  'Straße',
  'Ærø',
  '(Annexe)',
  'St.',
  'Saint',
  'Ward-7',
  'NHS',
  'Søren',
  'Ospidéal',
);
const word = fc.oneof(awkwardWord, fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme-ascii' }));
const name = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const type = fc.constantFrom('hospital', 'General Practice', 'ward');
const organisation = fc.constantFrom(
  undefined,
  'Larkfield NHS Trust',
  "St Anne's Hospice",
  'Royal Ward Trust',
);
/** Services in a tree: some name another (or a missing code, or themselves) as their site. */
const directory = fc
  .array(fc.record({ name, type, organisation, site: fc.option(fc.nat(45), { nil: undefined }) }), {
    minLength: 1,
    maxLength: 40,
  })
  .map((rows): Service[] =>
    rows.map(({ site, organisation: org, ...row }, i) => ({
      nacs: `N${i}`,
      ...row,
      ...(org === undefined ? {} : { organisation: org }),
      ...(site === undefined ? {} : { siteNacs: `N${site}` }),
      key: normalise(row.name),
    })),
  );
/** How often some services were chosen on this device, by code. */
const chosen = fc.dictionary(
  fc.nat(45).map((i) => `N${i}`),
  fc.integer({ min: 0, max: 40 }),
);
const ALL = { limit: 1000 };

/** One edit: a letter inserted, deleted, changed, or two neighbours swapped, at `at` (wrapped). */
const edit = fc.record({
  kind: fc.constantFrom('insert', 'delete', 'change', 'swap'),
  at: fc.nat(),
  letter: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
});
type Edit = { kind: string; at: number; letter: string };

function applyEdit(w: string, { kind, at, letter }: Edit): string {
  const i = at % (kind === 'insert' ? w.length + 1 : kind === 'swap' ? Math.max(1, w.length - 1) : w.length);
  if (kind === 'insert') return w.slice(0, i) + letter + w.slice(i);
  if (kind === 'delete') return w.slice(0, i) + w.slice(i + 1);
  if (kind === 'change') return w.slice(0, i) + letter + w.slice(i + 1);
  return w.slice(0, i) + w.charAt(i + 1) + w.charAt(i) + w.slice(i + 2);
}

/** Optimal-string-alignment distance (Damerau–Levenshtein, each letter edited once), plainly. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** A typed word of five letters or more that `word` does not start with, one edit from a start of it. */
function isNear(typed: string, word: string): boolean {
  if (typed.length < 5 || word.startsWith(typed)) return false;
  for (let k = typed.length - 1; k <= Math.min(word.length, typed.length + 1); k++)
    if (editDistance(typed, word.slice(0, k)) <= 1) return true;
  return false;
}

/** A service's place words, spelled out: its site's name (not itself) and its organisation. */
function placeWords(services: readonly Service[], s: Service): { site: string[]; organisation: string[] } {
  const site = services.find((x) => x.nacs === s.siteNacs);
  const siteKey = site && site !== s ? site.key : undefined;
  const org = normalise(s.organisation ?? '');
  const showOrg = org !== '' && org !== s.key && org !== siteKey;
  return { site: wordsOf(siteKey ?? ''), organisation: showOrg ? wordsOf(org) : [] };
}

/** The ranking spelled out plainly, to compare the index against. */
function bruteForce(
  services: readonly Service[],
  query: string,
  typeName = '',
  picked: Readonly<Record<string, number>> = {},
): string[] {
  const q = normalise(query);
  const queryWords = [...new Set(wordsOf(q))];
  if (q === '') return [];
  const matches = (n: string, w: string, near: boolean) => n.startsWith(w) || (near && isNear(w, n));
  const has = (words: string[], w: string, near: boolean) => words.some((n) => matches(n, w, near));
  return services
    .map((s, i) => {
      const place = placeWords(services, s);
      return { s, i, words: wordsOf(s.key), all: [...wordsOf(s.key), ...place.site, ...place.organisation] };
    })
    .filter(({ s }) => typeName === '' || normalise(s.type) === normalise(typeName))
    .filter(({ all }) => queryWords.every((w) => has(all, w, true)))
    .map(({ s, i, words, all }) => {
      const withMistake = !queryWords.every((w) => has(all, w, false));
      const kind = s.key === q ? 0 : s.key.startsWith(q) ? 1 : withMistake ? 3 : 2;
      const near = kind === 3;
      const times = Math.min(picked[s.nacs] ?? 0, PREFERRED_MAX);
      const byNameAlone = kind < 2 || queryWords.every((w) => has(words, w, near)) ? 0 : 1;
      const inName = kind >= 2 ? words.findIndex((n) => matches(n, queryWords[0] ?? '', near)) : 0;
      const position = inName < 0 ? 255 : inName;
      const order = [kind, -times, byNameAlone, position, s.key.length];
      return { nacs: s.nacs, i, order, key: s.key };
    })
    .sort((a, b) => {
      for (let k = 0; k < a.order.length; k++)
        if (a.order[k] !== b.order[k]) return (a.order[k] ?? 0) - (b.order[k] ?? 0);
      return a.key !== b.key ? (a.key < b.key ? -1 : 1) : a.i - b.i;
    })
    .map((r) => r.nacs);
}

const codes = (results: { service: Service }[]) => results.map((r) => r.service.nacs);

describe('search properties', () => {
  it('finds every service by its own exact name, as an exact match', () => {
    fc.assert(
      fc.property(directory, (services) => {
        const index = buildIndex(services);
        for (const s of services.filter((x) => x.key !== '')) {
          const found = searchServices(index, s.name, ALL).find((r) => r.service.nacs === s.nacs);
          expect(found?.match).toBe('exact');
        }
      }),
    );
  });

  it('finds every service by any prefix of any one of its words', () => {
    fc.assert(
      fc.property(directory, fc.nat(), fc.nat(), fc.nat(), (services, pick, wordPick, cut) => {
        const s = services[pick % services.length] as Service;
        const words = wordsOf(s.key);
        fc.pre(words.length > 0);
        const w = words[wordPick % words.length] ?? '';
        const prefix = w.slice(0, 1 + (cut % w.length));
        expect(codes(searchServices(buildIndex(services), prefix, ALL))).toContain(s.nacs);
      }),
    );
  });

  it('finds every service by prefixes of all its words, in any order', () => {
    fc.assert(
      fc.property(directory, fc.nat(), fc.array(fc.nat()), (services, pick, cuts) => {
        const s = services[pick % services.length] as Service;
        const prefixes = wordsOf(s.key).map((w, i) => w.slice(0, 1 + ((cuts[i] ?? w.length) % w.length)));
        fc.pre(prefixes.length > 0);
        const query = [...prefixes].reverse().join(' ');
        expect(codes(searchServices(buildIndex(services), query, ALL))).toContain(s.nacs);
      }),
    );
  });

  it("finds every service by a word of its name with prefixes of its site's and organisation's", () => {
    fc.assert(
      fc.property(directory, fc.nat(), fc.nat(), (services, pick, cut) => {
        const s = services[pick % services.length] as Service;
        const place = placeWords(services, s);
        const own = wordsOf(s.key)[0];
        fc.pre(own !== undefined && place.site.length + place.organisation.length > 0);
        const words = [...place.organisation, ...place.site].map((w) => w.slice(0, 1 + (cut % w.length)));
        const found = searchServices(buildIndex(services), [...words, own].join(' '), ALL);
        const result = found.find((r) => r.service.nacs === s.nacs);
        expect(result).toBeDefined();
        // The result shows where the service stands: its site's name, then its organisation.
        const site = services.find((x) => x.nacs === s.siteNacs);
        if (place.site.length > 0) expect(result?.place.startsWith(site?.name ?? '?')).toBe(true);
        if (place.organisation.length > 0) expect(result?.place.endsWith(s.organisation ?? '?')).toBe(true);
      }),
    );
  });

  it('finds every service with one edit in a word of its name, of five letters or more as typed', () => {
    fc.assert(
      fc.property(
        directory,
        fc.nat(),
        fc.nat(),
        edit,
        fc.boolean(),
        (services, pick, wordPick, change, whole) => {
          const s = services[pick % services.length] as Service;
          const words = wordsOf(s.key);
          const at = wordPick % Math.max(1, words.length);
          const typed = applyEdit(words[at] ?? '', change);
          fc.pre(typed.length >= 5);
          const query = whole ? words.map((w, i) => (i === at ? typed : w)).join(' ') : typed;
          expect(codes(searchServices(buildIndex(services), query, ALL))).toContain(s.nacs);
        },
      ),
    );
  });

  it('takes as near exactly the words with a start one edit from a typed word of five letters or more', () => {
    // A small alphabet, and words made from the typed one by one or two edits and a tail, so that
    // words one edit apart (and two) are common.
    const letters = fc.constantFrom('a', 'b', 'c', 'd');
    const text = (min: number, max: number) =>
      fc.array(letters, { minLength: min, maxLength: max }).map((l) => l.join(''));
    const variant = fc.record({ edits: fc.array(edit, { minLength: 1, maxLength: 2 }), tail: text(0, 3) });
    fc.assert(
      fc.property(
        text(3, 8),
        fc.array(variant, { maxLength: 100, size: 'max' }), // past FEW_WORDS, and below
        fc.array(text(1, 9), { maxLength: 40 }),
        (typed, variants, others) => {
          const made = variants.map((v) => v.edits.reduce(applyEdit, typed) + v.tail);
          const vocabulary = [...new Set([...made, ...others])].filter((w) => w !== '').sort();
          const exact = prefixRange(vocabulary, typed);
          const near = nearRanges(vocabulary, typed, exact).flatMap((r) => vocabulary.slice(r.from, r.to));
          expect(vocabulary.slice(exact.from, exact.to)).toEqual(
            vocabulary.filter((v) => v.startsWith(typed)),
          );
          expect(near).toEqual(vocabulary.filter((v) => isNear(typed, v)));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('returns exactly the plainly computed ranking, with or without a type filter', () => {
    const misspelt = fc.tuple(word, edit).map(([w, change]) => applyEdit(normalise(w), change));
    const query = fc.oneof(
      word,
      misspelt,
      fc
        .array(
          fc.oneof(
            word,
            misspelt,
            word.map((w) => w.slice(0, 2)),
          ),
          { maxLength: 3 },
        )
        .map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(
        directory,
        query,
        fc.constantFrom('', 'hospital', 'WARD'),
        chosen,
        (services, q, typeName, picked) => {
          const index = buildIndex(services);
          const preferred = preferenceOf(index, picked);
          const expected = bruteForce(services, q, typeName, picked);
          expect(codes(searchServices(index, q, { ...ALL, type: typeName, preferred }))).toEqual(expected);
          expect(codes(searchServices(index, q, { type: typeName, limit: 3, preferred }))).toEqual(
            expected.slice(0, 3),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever is typed or passed as options', () => {
    const index = buildIndex([
      { nacs: 'A', name: "St Mary's", type: 'hospital', key: normalise("St Mary's") },
    ]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.anything(), fc.anything(), (q, typeName, limit) => {
        const options = { type: typeName, limit } as unknown as { type?: string; limit?: number };
        expect(Array.isArray(searchServices(index, q, options))).toBe(true);
        expect(Array.isArray(searchServices(index, typeName as string))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('builds an index from any names at all', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' })), fc.string({ unit: 'binary' }), (rawNames, q) => {
        const services = rawNames.map((n, i) => ({ nacs: `N${i}`, name: n, type: n, key: normalise(n) }));
        expect(codes(searchServices(buildIndex(services), q, ALL))).toEqual(bruteForce(services, q));
      }),
    );
  });
});
