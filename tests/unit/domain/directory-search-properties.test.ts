// Properties of service search for any directory: every service is found by its own name, by
// prefixes of its words and of its site's and organisation's, results equal a plain brute-force
// ranking (services chosen before first), and nothing ever throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
  const has = (words: string[], w: string) => words.some((n) => n.startsWith(w));
  return services
    .map((s, i) => {
      const place = placeWords(services, s);
      return { s, i, words: wordsOf(s.key), all: [...wordsOf(s.key), ...place.site, ...place.organisation] };
    })
    .filter(({ s }) => typeName === '' || normalise(s.type) === normalise(typeName))
    .filter(({ all }) => queryWords.every((w) => has(all, w)))
    .map(({ s, i, words }) => {
      const kind = s.key === q ? 0 : s.key.startsWith(q) ? 1 : 2;
      const times = Math.min(picked[s.nacs] ?? 0, PREFERRED_MAX);
      const byNameAlone = kind !== 2 || queryWords.every((w) => has(words, w)) ? 0 : 1;
      const inName = kind === 2 ? words.findIndex((n) => n.startsWith(queryWords[0] ?? '')) : 0;
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
