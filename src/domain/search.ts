// Search-as-you-type over the service directory, offline: any word order, prefixes, and case,
// accents and punctuation ignored. Fast enough per keystroke at 50,000 services.
import { normalise, wordsOf } from './normalise.ts';
import type { Service } from './service.ts';
import { firstWhere, type Range, type ServiceIndex } from './serviceIndex.ts';

export { normalise } from './normalise.ts';
export { buildIndex, type ServiceIndex } from './serviceIndex.ts';

/** exact: the whole name; starts: the name starts with the query; words: every word, any order. */
export type MatchKind = 'exact' | 'starts' | 'words';
export type SearchResult = { service: Service; match: MatchKind };
export type SearchOptions = { type?: string; limit?: number };

const MATCH_KINDS: readonly MatchKind[] = ['exact', 'starts', 'words'];
const DEFAULT_LIMIT = 20;
// Up to this many results, keep a short sorted list while scanning; beyond, sort everything once.
const FEW = 100;
// A rank packs, most significant first: match kind, where the first query word stands, name
// length, alphabetical place. One number per candidate: comparing is cheap and never ties.
const PLACE_SPAN = 2 ** 26;
const LENGTH_SPAN = 2 ** 12;
const POSITION_SPAN = 2 ** 8;
const KIND_SPAN = PLACE_SPAN * LENGTH_SPAN * POSITION_SPAN;

type Plan = {
  first: Range; // words matching the first query word
  rarest: Range; // the query word matching fewest services: the ones to scan
  others: Range[]; // the query words left to verify
  exact: Range; // alphabetical places of names equal to the query
  starts: Range; // alphabetical places of names starting with the query (exact.from = starts.from)
  type: number; // -1: any type
};

/**
 * Services whose name contains every query word as the start of one of its words, best first:
 * exact name, then names starting with the query, then the rest by where the first query word
 * stands; then shorter names, then alphabetical. A blank query finds nothing. Never throws.
 */
export function searchServices(
  index: ServiceIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult[] {
  const limit = limitOf(options.limit);
  const plan = limit === 0 ? undefined : planOf(index, query, options.type);
  if (plan === undefined) return [];
  const ranks = limit > FEW ? rankAll(index, plan).slice(0, limit) : rankFew(index, plan, limit);
  return [...ranks].map((rank) => ({
    service: index.services[index.alphabetical[rank % PLACE_SPAN] ?? 0] as Service,
    match: MATCH_KINDS[Math.floor(rank / KIND_SPAN)] ?? 'words',
  }));
}

function limitOf(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(Math.floor(limit), Number.MAX_SAFE_INTEGER));
}

function planOf(index: ServiceIndex, query: string, typeName: unknown): Plan | undefined {
  const q = normalise(query);
  const ranges = [...new Set(wordsOf(q))].map((word) => wordRange(index, word));
  const first = ranges[0];
  const type = typeof typeName === 'string' ? normalise(typeName) : '';
  const typeNumber = type === '' ? -1 : index.typeNames.indexOf(type);
  if (first === undefined || ranges.some((r) => r.from === r.to) || (type !== '' && typeNumber < 0)) return;
  const weight = (r: Range) => (index.postingStart[r.to] ?? 0) - (index.postingStart[r.from] ?? 0);
  const rarest = ranges.reduce((a, b) => (weight(b) < weight(a) ? b : a));
  const others = ranges.filter((r) => r !== rarest);
  const name = (i: number) => index.keys[index.alphabetical[i] ?? 0] ?? '';
  const size = index.alphabetical.length;
  const from = firstWhere(size, (i) => name(i) >= q);
  const exact = { from, to: firstWhere(size, (i) => name(i) > q) };
  const starts = { from, to: firstWhere(size, (i) => name(i) >= q && !name(i).startsWith(q)) };
  return { first, rarest, others, exact, starts, type: typeNumber };
}

/** The numbers of every word that starts with `prefix`. */
function wordRange(index: ServiceIndex, prefix: string): Range {
  const words = index.vocabulary;
  const word = (i: number) => words[i] ?? '';
  const from = firstWhere(words.length, (i) => word(i) >= prefix);
  return { from, to: firstWhere(words.length, (i) => word(i) >= prefix && !word(i).startsWith(prefix)) };
}

/** Where in service s's name the first word within `range` stands, or -1. */
function wordPosition(index: ServiceIndex, s: number, range: Range): number {
  const start = index.nameWordStart[s] ?? 0;
  const end = index.nameWordStart[s + 1] ?? 0;
  for (let i = start; i < end; i++) {
    const n = index.nameWords[i] ?? -1;
    if (n >= range.from && n < range.to) return i - start;
  }
  return -1;
}

function rankOf(index: ServiceIndex, s: number, plan: Plan): number {
  const place = index.alphabeticalPlace[s] ?? 0;
  // No closures here: this runs per candidate (and esbuild's keepNames makes closures costly).
  const kind = place < plan.exact.from ? 2 : place < plan.exact.to ? 0 : place < plan.starts.to ? 1 : 2;
  const position =
    kind === 2 ? Math.min(Math.max(wordPosition(index, s, plan.first), 0), POSITION_SPAN - 1) : 0;
  const length = Math.min(index.keyLength[s] ?? 0, LENGTH_SPAN - 1);
  return ((kind * POSITION_SPAN + position) * LENGTH_SPAN + length) * PLACE_SPAN + place;
}

function isWanted(index: ServiceIndex, s: number, plan: Plan): boolean {
  if (plan.type >= 0 && index.typeOf[s] !== plan.type) return false;
  for (const range of plan.others) if (wordPosition(index, s, range) < 0) return false;
  return true;
}

/** Each service having a word within `range`, once ("St Stephen's" has two words for "st"). */
function candidates(index: ServiceIndex, range: Range): Int32Array {
  const from = index.postingStart[range.from] ?? 0;
  const to = index.postingStart[range.to] ?? 0;
  if (range.to - range.from === 1) return index.postings.subarray(from, to);
  const seen = new Uint8Array(index.services.length);
  const unique = new Int32Array(to - from);
  let count = 0;
  for (let i = from; i < to; i++) {
    const s = index.postings[i] ?? 0;
    if (seen[s] === 1) continue;
    seen[s] = 1;
    unique[count++] = s;
  }
  return unique.subarray(0, count);
}

/** The best few ranks, kept sorted while scanning: most candidates fail one comparison. */
function rankFew(index: ServiceIndex, plan: Plan, limit: number): number[] {
  const best: number[] = [];
  const found = candidates(index, plan.rarest);
  for (let i = 0; i < found.length; i++) {
    const s = found[i] ?? 0;
    if (plan.type >= 0 && index.typeOf[s] !== plan.type) continue;
    const rank = rankOf(index, s, plan);
    if (best.length === limit && rank > (best[limit - 1] ?? 0)) continue;
    if (!isWanted(index, s, plan)) continue;
    let at = best.length;
    while (at > 0 && rank < (best[at - 1] ?? 0)) at--;
    best.splice(at, 0, rank);
    if (best.length > limit) best.pop();
  }
  return best;
}

function rankAll(index: ServiceIndex, plan: Plan): Float64Array {
  const found = candidates(index, plan.rarest).filter((s) => isWanted(index, s, plan));
  return Float64Array.from(found, (s) => rankOf(index, s, plan)).sort();
}
