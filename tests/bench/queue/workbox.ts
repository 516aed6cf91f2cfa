// workbox-background-sync's Queue replaying the same POSTs, in Node: fake-indexeddb for its `idb`
// store, and the service-worker globals it reads (`self`, `registration` without `sync`, so it
// replays on "worker start", and `location`). We call replayRequests() ourselves on a fixed cadence.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { BENCH_TIMEOUT_MS, type BenchStory, KEY, sleep } from './common.ts';

/** Our backoff base: the workbox queue is replayed this long after each replay ends. */
export const REPLAY_EVERY_MS = 2_000;

export type WorkboxResult = { drainMs: number | null; replays: number };
export type WorkboxOptions = { idempotencyKeys: boolean; capMs: number };

type Globals = Record<string, unknown>;

/** The worker globals workbox needs, and the same request timeout our client has. */
function enterWorker(origin: string): () => void {
  const g = globalThis as unknown as Globals;
  const saved = { self: g.self, location: g.location, registration: g.registration, fetch: g.fetch };
  const realFetch = globalThis.fetch;
  g.self = globalThis;
  g.location = new URL(`${origin}/sw.js`);
  g.registration = {}; // no `sync`: Safari and Firefox have no Background Sync either
  g.__WB_DISABLE_DEV_LOGS = true;
  // Without a timeout a hung request would hold the replay until undici gives up (300 s).
  g.fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(input, { ...init, signal: AbortSignal.timeout(BENCH_TIMEOUT_MS) });
  return () => Object.assign(g, saved);
}

function requestFor(apiAddress: string, story: BenchStory, withKey: boolean): Request {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `SUBSCRIPTION_KEY ${KEY}`,
    'Content-Type': 'application/json',
  };
  if (withKey) headers['Idempotency-Key'] = story.key;
  return new Request(`${apiAddress}/opinions`, {
    method: 'POST',
    headers,
    body: JSON.stringify(story.payload),
  });
}

let runs = 0;

export async function runWorkbox(
  apiAddress: string,
  stories: readonly BenchStory[],
  options: WorkboxOptions,
): Promise<WorkboxResult> {
  const leave = enterWorker(new URL(apiAddress).origin);
  try {
    // Imported only now: in development mode its logger touches `self` at import time.
    const { Queue } = await import('workbox-background-sync');
    // No-op onSync: its own "worker start" replay would race the pushes; our first call is that start.
    const queue = new Queue(`bench-${++runs}-${Date.now()}`, { onSync: async () => {} });
    for (const story of stories) {
      await queue.pushRequest({ request: requestFor(apiAddress, story, options.idempotencyKeys) });
    }
    const start = performance.now();
    let replays = 0;
    while (performance.now() - start < options.capMs) {
      replays++;
      try {
        await queue.replayRequests();
      } catch {
        // A fetch that threw (network error, timeout) is put back at the front: wait for the next go.
      }
      if ((await queue.size()) === 0) return { drainMs: performance.now() - start, replays };
      await sleep(REPLAY_EVERY_MS);
    }
    return { drainMs: null, replays };
  } finally {
    leave();
  }
}
