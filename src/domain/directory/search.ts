// Search-as-you-type over the service directory, offline: any word order, prefixes, and case,
// accents and punctuation ignored; a query may name the service's site and organisation too, and
// each word of five or more letters may hold one typing mistake (nearWords.ts). Fast enough per
// keystroke at 50,000 services.
import { type Plan, planOf, type WordMatch } from './searchPlan.ts';
import type { Service } from './service.ts';
import type { ServiceIndex } from './serviceIndex.ts';
import { placeToKeep } from './serviceLabel.ts';
import { describePlace } from './servicePlaces.ts';
import { nacsAt, nameAt, serviceAt } from './serviceTable.ts';

export { normalise } from './normalise.ts';
export { buildIndex, type ServiceIndex } from './serviceIndex.ts';

/**
 * exact: the whole name; starts: the name starts with the query; words: every word, any order;
 * near: every word, some only with one typing mistake.
 */
export type MatchKind = 'exact' | 'starts' | 'words' | 'near';
/**
 * `place`: the service's site and organisation in words ("" when it has none); `keep`: the shorter
 * place a chosen service keeps (serviceLabel.ts: its site, else its organisation).
 */
export type SearchResult = { service: Service; match: MatchKind; place: string; keep?: string | undefined };
export type SearchOptions = {
  type?: string;
  limit?: number;
  /** Per service number, how often it was chosen on this device (see `preferenceOf`). */
  preferred?: Uint8Array;
};

const MATCH_KINDS: readonly MatchKind[] = ['exact', 'starts', 'words', 'near'];
const DEFAULT_LIMIT = 20;
// Up to this many results, keep a short sorted list while scanning; beyond, sort everything once.
const FEW = 100;
// A rank packs, most significant first: match kind, how rarely chosen on this device, whether
// the name alone holds every query word, where the first query word stands in the name, name
// length, alphabetical place. One number per candidate (under 2^53): cheap to compare, no ties.
const PLACE_SPAN = 2 ** 22;
const LENGTH_SPAN = 2 ** 12;
const POSITION_SPAN = 2 ** 8;
/** Chosen this many times or more counts as the most preferred. */
export const PREFERRED_MAX = 15;
const FIELD_SPAN = PLACE_SPAN * LENGTH_SPAN * POSITION_SPAN;
const CHOSEN_SPAN = FIELD_SPAN * 2;
const KIND_SPAN = CHOSEN_SPAN * (PREFERRED_MAX + 1);

/**
 * Services whose name, site or organisation has every query word as the start of one of its
 * words (or, for a query word of five or more letters, a start one edit away from it: a letter
 * missing, added, wrong, or two swapped), best first: exact name, then names starting with the
 * query, then the other matches without a typing mistake, then those with one; within each,
 * services chosen more often on this device first, then those matched by their name alone, then
 * by where the first query word stands in the name; then shorter names, then alphabetical. A blank
 * query finds nothing. Never throws.
 */
export function searchServices(
  index: ServiceIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult[] {
  const limit = limitOf(options.limit);
  const plan = limit === 0 ? undefined : planOf(index, query, options.type, options.preferred);
  if (plan === undefined) return [];
  const ranks = limit > FEW ? rankAll(index, plan).slice(0, limit) : rankFew(index, plan, limit);
  return [...ranks].map((rank) => {
    const s = index.alphabetical[rank % PLACE_SPAN] ?? 0;
    const siteNumber = index.siteOf[s] ?? -1;
    const site = siteNumber < 0 ? undefined : nameAt(index.services, siteNumber);
    const organisation = index.organisations[index.organisationOf[s] ?? -1];
    return {
      service: serviceAt(index.services, s),
      match: MATCH_KINDS[Math.floor(rank / KIND_SPAN)] ?? 'words',
      place: describePlace(site, organisation),
      keep: placeToKeep(site, organisation),
    };
  });
}

/** How often each service of `index` was chosen (by code), capped, for `SearchOptions.preferred`. */
export function preferenceOf(index: ServiceIndex, chosen: Readonly<Record<string, number>>): Uint8Array {
  const preferred = new Uint8Array(index.services.count);
  if (Object.keys(chosen).length === 0) return preferred;
  for (let s = 0; s < index.services.count; s++) {
    const nacs = nacsAt(index.services, s);
    if (!Object.hasOwn(chosen, nacs)) continue;
    const count = Math.floor(Number(chosen[nacs]));
    preferred[s] = Number.isFinite(count) ? Math.max(0, Math.min(count, PREFERRED_MAX)) : 0;
  }
  return preferred;
}

function limitOf(limit: unknown): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(Math.floor(limit), Number.MAX_SAFE_INTEGER));
}

/**
 * Where among service s's words up to `end` the first word matching `match` stands, or -1: a word
 * it starts, or also one of its near words when `near`.
 */
function wordPosition(
  index: ServiceIndex,
  s: number,
  match: WordMatch,
  end: Int32Array,
  near: boolean,
): number {
  const start = index.wordStart[s] ?? 0;
  const stop = end[s] ?? 0;
  const { from, to } = match.exact;
  const isNear = near ? match.isNear : undefined;
  if (isNear === undefined) {
    // The common case, kept as tight as before near words: one range.
    for (let i = start; i < stop; i++) {
      const n = index.words[i] ?? -1;
      if (n >= from && n < to) return i - start;
    }
    return -1;
  }
  for (let i = start; i < stop; i++) {
    const n = index.words[i] ?? -1;
    if ((n >= from && n < to) || isNear[n] === 1) return i - start;
  }
  return -1;
}

/** 0 when every query word is in the service's name, 1 when some are only in its place. */
function fieldOf(index: ServiceIndex, s: number, plan: Plan, near: boolean): number {
  for (const match of plan.all) if (wordPosition(index, s, match, index.nameEnd, near) < 0) return 1;
  return 0;
}

/** Whether some query word matches none of the service's words without a typing mistake. */
function needsNear(index: ServiceIndex, s: number, plan: Plan): boolean {
  for (const match of plan.all) if (wordPosition(index, s, match, plan.wordEnd, false) < 0) return true;
  return false;
}

function rankOf(index: ServiceIndex, s: number, plan: Plan): number {
  const place = index.alphabeticalPlace[s] ?? 0;
  // No closures here: this runs per candidate (and esbuild's keepNames makes closures costly).
  let kind = place < plan.exact.from ? 2 : place < plan.exact.to ? 0 : place < plan.starts.to ? 1 : 2;
  if (kind === 2 && plan.hasNear && needsNear(index, s, plan)) kind = 3;
  const chosen = PREFERRED_MAX - Math.min(plan.preferred?.[s] ?? 0, PREFERRED_MAX);
  const field = kind >= 2 ? fieldOf(index, s, plan, kind === 3) : 0;
  const inName = kind >= 2 ? wordPosition(index, s, plan.first, index.nameEnd, kind === 3) : 0;
  const position = inName < 0 ? POSITION_SPAN - 1 : Math.min(inName, POSITION_SPAN - 1);
  const length = Math.min(index.keyLength[s] ?? 0, LENGTH_SPAN - 1);
  return (
    kind * KIND_SPAN +
    chosen * CHOSEN_SPAN +
    field * FIELD_SPAN +
    (position * LENGTH_SPAN + length) * PLACE_SPAN +
    place
  );
}

function isWanted(index: ServiceIndex, s: number, plan: Plan): boolean {
  if (plan.type >= 0 && index.typeOf[s] !== plan.type) return false;
  for (const match of plan.others) if (wordPosition(index, s, match, plan.wordEnd, true) < 0) return false;
  return true;
}

/** Each service having a word `match` matches, once ("St Stephen's" has two words for "st"). */
function candidates(index: ServiceIndex, match: WordMatch): Int32Array {
  const ranges = [match.exact, ...match.near];
  const at = (word: number) => index.postingStart[word] ?? 0;
  const { from, to } = match.exact;
  if (ranges.length === 1 && to - from === 1) return index.postings.subarray(at(from), at(to));
  const seen = new Uint8Array(index.services.count);
  const unique = new Int32Array(ranges.reduce((sum, r) => sum + at(r.to) - at(r.from), 0));
  let count = 0;
  for (const range of ranges) {
    for (let i = at(range.from); i < at(range.to); i++) {
      const s = index.postings[i] ?? 0;
      if (seen[s] === 1) continue;
      seen[s] = 1;
      unique[count++] = s;
    }
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
