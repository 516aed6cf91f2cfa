// Keeps the device's copy of Care Opinion's service directory fresh: a full download at an
// interval, incremental (`addedAfter`) refreshes in between, resuming an interrupted job where it
// stopped. The old directory stays in use until a new full one is complete.

import type { DirectoryFailure } from '../../domain/directory/directoryProblem.ts';
import { decodeIndex, PACKED_INDEX_TYPE, packedIndexType } from '../../domain/directory/packedIndex.ts';
import { parseHealthservice, type Service, storedOrder } from '../../domain/directory/service.ts';
import { buildIndex, type ServiceIndex } from '../../domain/directory/serviceIndex.ts';
import { serviceAt } from '../../domain/directory/serviceTable.ts';
import { classifyReadAnswer, REASONS } from '../../domain/send/answers.ts';
import { nextDelayMs } from '../../domain/send/backoff.ts';
import type { SendProblem } from '../../domain/send/sendProblem.ts';
import type { StoryDb } from '../../store/db.ts';
import {
  completeJob,
  confirmCurrent,
  type DirectoryState,
  getDirectoryState,
  startJob,
  writePage,
} from '../../store/directory/directory.ts';
import type { Answer, Client, Connection } from '../client.ts';
import type { Sleep } from '../rateLimiter.ts';

export const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
/** A page that keeps failing with a passing fault is retried this often before giving up for now. */
const MAX_PAGE_TRIES = 4;

export type DirectoryProgress = {
  fetched: number;
  totalEstimate?: number | undefined;
  kind: 'full' | 'incremental';
};

export type RefreshOutcome = { ok: true; state: DirectoryState } | ({ ok: false } & DirectoryFailure);

export type RefreshDeps = {
  db: StoryDb;
  client: Client;
  now: () => number;
  sleep: Sleep;
  random: () => number;
};

export type RefreshOptions = {
  connection: Connection;
  /** Days between full refreshes (Settings; default weekly). */
  fullEveryDays: number;
  /** "Refresh service directory" asks for a full download. */
  forceFull?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: DirectoryProgress) => void;
  /**
   * A first directory (none on the device yet) downloaded whole: its search index, before its
   * services are stored (50,000 rows take IndexedDB many seconds), so search can answer now.
   */
  onFirstIndex?: (index: ServiceIndex) => void | Promise<void>;
};

/** Whether the next refresh must download everything rather than only what was added. */
export function needsFull(state: DirectoryState, now: number, fullEveryDays: number): boolean {
  if (state.activeGen === 0 || state.lastFullAt === undefined || state.lastRefreshAt === undefined)
    return true;
  return now - state.lastFullAt >= fullEveryDays * DAY_MS;
}

export async function refreshDirectory(deps: RefreshDeps, options: RefreshOptions): Promise<RefreshOutcome> {
  if (options.connection.apiAddress === '') {
    return { ok: false, problem: 'not-configured' };
  }
  if (options.connection.token) return downloadRelayDirectory(deps, options);
  const state = await getDirectoryState(deps.db);
  let job = state.job;
  if (job && options.forceFull && job.kind !== 'full') job = undefined;
  if (!job) {
    const full = options.forceFull === true || needsFull(state, deps.now(), options.fullEveryDays);
    const since = full ? undefined : new Date(state.lastRefreshAt ?? 0).toISOString();
    job = await startJob(deps.db, full ? 'full' : 'incremental', deps.now(), since);
  }
  let total = job.totalEstimate ?? (job.kind === 'full' && state.count > 0 ? state.count : undefined);
  options.onProgress?.({ fetched: job.fetched, totalEstimate: total, kind: job.kind });
  for (;;) {
    const page = await fetchPage(deps, options, job.skip, job.addedAfter);
    if (!page.ok) return page;
    if (page.items.length === 0) break;
    const services: Service[] = [];
    let malformed = 0;
    for (const item of page.items) {
      const parsed = parseHealthservice(item);
      if (parsed.ok) services.push(parsed.service);
      else malformed++;
    }
    total = page.total ?? total;
    job = await writePage(deps.db, services, {
      skip: job.skip + page.items.length,
      malformed,
      totalEstimate: total,
    });
    options.onProgress?.({ fetched: job.fetched, totalEstimate: total, kind: job.kind });
  }
  return { ok: true, state: await completeJob(deps.db, deps.now()) };
}

type Page = { ok: true; items: unknown[]; total?: number } | Exclude<RefreshOutcome, { ok: true }>;

async function fetchPage(
  deps: RefreshDeps,
  options: RefreshOptions,
  skip: number,
  addedAfter?: string,
): Promise<Page> {
  const query = new URLSearchParams({ skip: String(skip), take: String(PAGE_SIZE) });
  if (addedAfter) query.set('addedAfter', addedAfter);
  let lastReason: SendProblem = 'unreachable';
  for (let attempt = 0; attempt < MAX_PAGE_TRIES; attempt++) {
    const answer = await deps.client.request(options.connection, `/healthservices?${query}`, {
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (answer.kind === 'cancelled') return cancelled();
    const verdict = classifyReadAnswer(answer, deps.now());
    if (verdict.class === 'data') {
      const total = answer.kind === 'response' ? Number(answer.totalCount ?? Number.NaN) : Number.NaN;
      return Number.isFinite(total) && total > 0
        ? { ok: true, items: verdict.items, total }
        : { ok: true, items: verdict.items };
    }
    if (verdict.class === 'key-rejected')
      return { ok: false, problem: 'key-rejected', reason: verdict.reason };
    lastReason = verdict.reason;
    const wait = nextDelayMs(attempt, deps.random, { baseMs: 1000, capMs: 30_000 }, verdict.retryAfterMs);
    try {
      await deps.sleep(wait, options.signal);
    } catch (error) {
      // the refresh was cancelled while waiting to try again
      if (!options.signal?.aborted) throw error;
      return cancelled();
    }
  }
  return { ok: false, problem: 'unreachable', reason: lastReason };
}

function cancelled(): Page {
  // Cancelled: the next refresh continues from here.
  return { ok: false, problem: 'cancelled' };
}

/**
 * Connected to a relay: the whole directory in one request (`GET /directory`), stored as a full
 * generation in one go; the old directory stays until it is complete. The relay is asked for its
 * packed search index (`packedIndex.ts`): opening it costs a text decode and a few copies, and its
 * table holds the services in the order the store keeps them. A relay that only has JSON (an older
 * release) answers the services, read and indexed here as the store will hold them. Either way the
 * index is kept with the completed generation, so the search opens it at once rather than reading
 * 50,000 services back and building it after.
 */
export async function downloadRelayDirectory(
  deps: RefreshDeps,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  // Unchanged since the last whole download (and not a "Refresh" asked by a person): a 304, no body.
  const state = await getDirectoryState(deps.db);
  const known = state.activeGen !== 0 && !options.forceFull ? state.relayEtag : undefined;
  const answer = await deps.client.request(options.connection, '/directory', {
    ...(options.signal ? { signal: options.signal } : {}),
    headers: {
      Accept: `${packedIndexType()}, application/json;q=0.5`,
      ...(known ? { 'If-None-Match': known } : {}),
    },
    binary: true,
  });
  if (answer.kind === 'cancelled') return cancelled() as Exclude<RefreshOutcome, { ok: true }>;
  if (known && answer.kind === 'response' && answer.status === 304) {
    return { ok: true, state: await confirmCurrent(deps.db, deps.now()) };
  }
  const directory = readDirectory(answer, deps.now());
  if (!directory.ok) return directory;
  const { index, malformed, count, serviceOf } = directory;
  await startJob(deps.db, 'full', deps.now());
  // A new iPad has no directory to keep in use meanwhile: search this one while it is stored.
  // Awaited: storing 5,000 services is a long task on this thread, and the picker's questions and
  // the search's answers pass through it, so the search takes the index before the writing starts.
  if (state.activeGen === 0) await options.onFirstIndex?.(index);
  // At least one page, so the refused items are counted even when none is a service.
  for (let start = 0; start === 0 || start < count; start += 5_000) {
    const page = Array.from({ length: Math.min(5_000, count - start) }, (_, i) => serviceOf(start + i));
    await writePage(deps.db, page, { skip: start + page.length, malformed: start === 0 ? malformed : 0 });
    options.onProgress?.({ fetched: start + page.length, totalEstimate: count, kind: 'full' });
  }
  const etag = answer.kind === 'response' ? (answer.etag ?? undefined) : undefined;
  return { ok: true, state: await completeJob(deps.db, deps.now(), etag, index) };
}

type RelayDirectory =
  | { ok: true; index: ServiceIndex; malformed: number; count: number; serviceOf: (s: number) => Service }
  | Exclude<RefreshOutcome, { ok: true }>;

/** The relay's answer as an index and its services in stored order, or why it is not one. */
function readDirectory(answer: Exclude<Answer, { kind: 'cancelled' }>, now: number): RelayDirectory {
  // Only an answer that says it is the index is read as one: anything else (JSON, an HTML login
  // page) is classified below as before.
  const isPacked = answer.kind === 'response' && answer.contentType?.startsWith(PACKED_INDEX_TYPE) === true;
  if (isPacked && answer.status === 200) {
    const packed = answer.bytes === undefined ? null : decodeIndex(answer.bytes);
    if (packed === null) return { ok: false, problem: 'unreachable', reason: REASONS.incomplete };
    const { index, malformed } = packed;
    return {
      ok: true,
      index,
      malformed,
      count: index.services.count,
      serviceOf: (s) => serviceAt(index.services, s),
    };
  }
  const items =
    answer.kind === 'response'
      ? (answer.json as { healthservices?: unknown } | undefined)?.healthservices
      : undefined;
  const verdict = classifyReadAnswer(
    Array.isArray(items) && answer.kind === 'response' ? { ...answer, json: items } : answer,
    now,
  );
  if (verdict.class === 'key-rejected') return { ok: false, problem: 'key-rejected', reason: verdict.reason };
  if (verdict.class !== 'data') return { ok: false, problem: 'unreachable', reason: verdict.reason };
  const { services, malformed } = storedOrder(verdict.items);
  const index = buildIndex(services);
  return { ok: true, index, malformed, count: services.length, serviceOf: (s) => services[s] as Service };
}
