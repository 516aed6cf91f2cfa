// Properties of service search for any directory: every service is found by its own name and by
// prefixes of its words, results equal a plain brute-force ranking, and nothing ever throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordsOf } from '../../../src/domain/normalise.ts';
import { buildIndex, normalise, searchServices } from '../../../src/domain/search.ts';
import type { Service } from '../../../src/domain/service.ts';

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
const directory = fc
  .array(fc.record({ name, type }), { minLength: 1, maxLength: 40 })
  .map((rows): Service[] => rows.map((row, i) => ({ nacs: `N${i}`, ...row, key: normalise(row.name) })));
const ALL = { limit: 1000 };

/** The ranking spelled out plainly, to compare the index against. */
function bruteForce(services: readonly Service[], query: string, typeName = ''): string[] {
  const q = normalise(query);
  const queryWords = [...new Set(wordsOf(q))];
  if (q === '') return [];
  return services
    .map((s, i) => ({ s, i, words: wordsOf(s.key) }))
    .filter(({ s }) => typeName === '' || normalise(s.type) === normalise(typeName))
    .filter(({ words }) => queryWords.every((w) => words.some((n) => n.startsWith(w))))
    .map(({ s, i, words }) => {
      const kind = s.key === q ? 0 : s.key.startsWith(q) ? 1 : 2;
      const position = kind === 2 ? words.findIndex((n) => n.startsWith(queryWords[0] ?? '')) : 0;
      return { nacs: s.nacs, i, order: [kind, position, s.key.length], key: s.key };
    })
    .sort((a, b) => {
      for (let k = 0; k < 3; k++) if (a.order[k] !== b.order[k]) return (a.order[k] ?? 0) - (b.order[k] ?? 0);
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

  it('returns exactly the plainly computed ranking, with or without a type filter', () => {
    const query = fc.oneof(
      word,
      fc
        .array(
          fc.oneof(
            word,
            word.map((w) => w.slice(0, 2)),
          ),
          { maxLength: 3 },
        )
        .map((w) => w.join(' ')),
    );
    fc.assert(
      fc.property(directory, query, fc.constantFrom('', 'hospital', 'WARD'), (services, q, typeName) => {
        const index = buildIndex(services);
        expect(codes(searchServices(index, q, { ...ALL, type: typeName }))).toEqual(
          bruteForce(services, q, typeName),
        );
        expect(codes(searchServices(index, q, { type: typeName, limit: 3 }))).toEqual(
          bruteForce(services, q, typeName).slice(0, 3),
        );
      }),
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
