// Search-as-you-type timing at directory scale: builds 50,000 invented services (seeded), then
// times every keystroke of ~200 typed queries and of 100 more with a typing mistake (one edit in a
// word of five or more letters). Prints figures; no pass/fail.
// Run: npx tsx tests/bench/search.bench.ts (BENCH_REPEAT=3 times each keystroke three times and
// keeps the fastest: on a shared machine, other processes then show less as search time).

import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildIndex, normalise, searchServices } from '../../src/domain/directory/search.ts';
import type { Service } from '../../src/domain/directory/service.ts';
import { createRandom } from '../sandbox/prng.ts';

export type SearchBenchFigures = {
  services: number;
  buildIndexMs: number;
  /** The index's typed arrays and strings (UTF-16), in bytes: roughly what is stored. */
  indexBytes: number;
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The keystrokes of the queries with a typing mistake alone. */
  typoKeystrokes: number;
  typoP95Ms: number;
  typoMaxMs: number;
  /** Of the typo queries, how many found the service they were drawn from. */
  typoFound: number;
  typoQueries: number;
};

// Invented place names from syllables: several thousand distinct words, as a real directory has.
const PLACE_STARTS =
  'Ash Brook Castle Elm Fen Green High Long Mill Alder Bar Chip Dun Egg Fair Gold Hart Ivy Kirk Lang Mar Nor Ock Pen Quen Rad Sal Thorn Up Wal Yar Brad Crow Dal Graves Hol Mor Sand Whit Bryn'.split(
    ' ',
  );
const PLACE_MIDDLES = ['', '', '', 'ing', 'er', 'en', 'ble', 'ow', 'ey', 'an', 'ock'];
const PLACE_ENDS =
  'bury field ford ham ley ton wick worth bridge dale by thorpe stow combe minster mouth hurst stead well gate'.split(
    ' ',
  );
const PLACE_MORE = ['', '', '', ' Vale', ' Heath', ' on Sea', '-under-Lyne', ' St Peter', ' Magna'];
const SAINTS = [
  "St Mary's",
  "St John's",
  "St Thomas'",
  "St George's",
  "St Luke's",
  'St Thérèse',
  'Queen Elizabeth',
];
const SURNAMES = [
  'Patel',
  "O'Brien",
  'Smith',
  'Nguyen',
  'Jones',
  'Brontë',
  'Okafor',
  'MacLeod',
  'Evans',
  'Chaudhry',
];
const WARDS = [
  'Ash',
  'Birch',
  "Children's",
  'Maternity',
  'Cardiology',
  'Ear, Nose & Throat',
  'Acute Medical Unit',
];
const TEMPLATES: readonly [string, (p: Pick) => string][] = [
  ['general practice', (p) => `${p.place()} Medical Centre`],
  ['general practice', (p) => `Dr ${p.of(SURNAMES)} & Partners (${p.place()})`],
  ['hospital', (p) => `${p.of(SAINTS)} Hospital, ${p.place()}`],
  ['hospital', (p) => `Royal ${p.place()} Infirmary`],
  ['ward', (p) => `${p.of(WARDS)} Ward, ${p.place()} General Hospital`],
  ['pharmacy', (p) => `${p.of(SURNAMES)}'s Pharmacy, ${p.place()}`],
  ['dentistry', (p) => `${p.place()} Dental Practice`],
  ['mental health', (p) => `${p.place()} Community Mental Health Team`],
  ['care home', (p) => `${p.of(SURNAMES)} House Care Home, ${p.place()}`],
];

type Pick = { of: (list: readonly string[]) => string; place: () => string };

export function makeServices(count: number, seed = 1): Service[] {
  const random = createRandom(seed);
  const of = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
  const place = () => `${of(PLACE_STARTS)}${of(PLACE_MIDDLES)}${of(PLACE_ENDS)}${of(PLACE_MORE)}`;
  return Array.from({ length: count }, (_, i) => {
    const [type, make] = TEMPLATES[Math.floor(random() * TEMPLATES.length)] ?? TEMPLATES[0]!;
    const name = make({ of, place });
    return {
      nacs: `X${i.toString(36).toUpperCase()}`,
      name,
      type,
      organisation: `${place()} NHS Trust`,
      key: normalise(name),
    };
  });
}

/** Queries as people type them: 1–3 words of a real name, sometimes reordered, lower case. */
function makeQueries(services: readonly Service[], count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => {
    const words = normalise(services[Math.floor(random() * services.length)]?.name ?? '').split(' ');
    const start = Math.floor(random() * words.length);
    const picked = words.slice(start, start + 1 + Math.floor(random() * 3));
    return (random() < 0.3 ? picked.reverse() : picked).join(' ');
  });
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The query with one edit in one of its words, leaving five or more letters (the typed words
 * search forgives a mistake in); undefined when that cannot be.
 */
function misspell(query: string, random: () => number): string | undefined {
  const words = query.split(' ');
  const long = words.flatMap((w, i) => (w.length >= 5 ? [i] : []));
  const at = long[Math.floor(random() * long.length)];
  if (at === undefined) return undefined;
  const w = words[at] ?? '';
  const i = Math.floor(random() * w.length);
  const letter = LETTERS[Math.floor(random() * LETTERS.length)] ?? 'e';
  const edits = [
    () => w.slice(0, i) + letter + w.slice(i), // insertion
    () => w.slice(0, i) + w.slice(i + 1), // deletion
    () => w.slice(0, i) + letter + w.slice(i + 1), // substitution
    () => (i + 1 < w.length ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i)),
  ];
  const typed = edits[Math.floor(random() * edits.length)]?.() ?? w;
  if (typed.length < 5) return undefined;
  words[at] = typed;
  return words.join(' ');
}

/** `count` typo queries, each with the code of the service it was drawn from. */
function makeTypoQueries(services: readonly Service[], count: number, random: () => number) {
  const typos: { query: string; nacs: string }[] = [];
  while (typos.length < count) {
    const s = services[Math.floor(random() * services.length)];
    const words = normalise(s?.name ?? '').split(' ');
    const start = Math.floor(random() * words.length);
    const query = misspell(words.slice(start, start + 1 + Math.floor(random() * 3)).join(' '), random);
    if (s !== undefined && query !== undefined) typos.push({ query, nacs: s.nacs });
  }
  return typos;
}

/** Bytes of the index's typed arrays and strings, found by walking it. */
function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length * 2;
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + sizeOf(v), 0);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).reduce((sum: number, v) => sum + sizeOf(v), 0);
  return 8;
}

const REPEAT = Math.max(1, Math.floor(Number(process.env.BENCH_REPEAT ?? 1)) || 1);

/** How long one search takes, the fastest of REPEAT. */
function timeSearch(search: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let k = 0; k < REPEAT; k++) {
    const start = performance.now();
    search();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

export async function runSearchBench(count = 50_000): Promise<SearchBenchFigures> {
  const services = makeServices(count);
  const t0 = performance.now();
  const index = buildIndex(services);
  const buildIndexMs = performance.now() - t0;
  const random = createRandom(7);
  const queries = makeQueries(services, 200, random);
  for (const q of queries.slice(0, 20)) searchServices(index, q); // warm up the JIT
  const times: number[] = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const typed = query.slice(0, n);
      const options = random() < 0.2 ? { type: 'hospital' } : {};
      times.push(timeSearch(() => searchServices(index, typed, options)));
    }
  }
  const typos = makeTypoQueries(services, 100, createRandom(11));
  const typoTimes: number[] = [];
  let typoFound = 0;
  for (const { query, nacs } of typos) {
    for (let n = 1; n <= query.length; n++) {
      typoTimes.push(timeSearch(() => searchServices(index, query.slice(0, n))));
    }
    const all = searchServices(index, query, { limit: count }); // untimed: is it found at all?
    if (all.some((r) => r.service.nacs === nacs)) typoFound++;
  }
  const all = [...times, ...typoTimes].sort((a, b) => a - b);
  typoTimes.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    services: count,
    buildIndexMs: round(buildIndexMs),
    indexBytes: sizeOf(index),
    keystrokes: all.length,
    p50Ms: round(percentile(all, 50)),
    p95Ms: round(percentile(all, 95)),
    maxMs: round(all[all.length - 1] ?? 0),
    typoKeystrokes: typoTimes.length,
    typoP95Ms: round(percentile(typoTimes, 95)),
    typoMaxMs: round(typoTimes[typoTimes.length - 1] ?? 0),
    typoFound,
    typoQueries: typos.length,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runSearchBench().then((figures) => {
    console.log('Service search (Node, in-memory index)');
    for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${value}`);
  });
}
