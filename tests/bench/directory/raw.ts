// The refresher's own throughput with no rate limit anywhere: src/sync's refreshDirectory in Node,
// into Dexie over fake-indexeddb, against the sandbox with its limit raised out of the way.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createDb } from '../../../src/store/db.ts';
import { createClient } from '../../../src/sync/client.ts';
import { refreshDirectory } from '../../../src/sync/directory/directory.ts';
import { createRateLimiter, realSleep } from '../../../src/sync/rateLimiter.ts';
import { startSandboxServer } from '../../sandbox/server.ts';

export type RawDownload = { ms: number; pages: number; stored: number; ok: boolean; problem?: string };

export async function rawDownload(services: number): Promise<RawDownload> {
  const server = await startSandboxServer({ services, rate: 100_000 });
  const db = createDb(`bench-raw-${Date.now()}`);
  let pages = 0;
  try {
    const client = createClient({
      fetch: (url, init) => fetch(url, init),
      limiter: createRateLimiter(10_000),
    });
    const start = performance.now();
    const outcome = await refreshDirectory(
      { db, client, now: Date.now, sleep: realSleep, random: Math.random },
      {
        connection: { apiAddress: server.url, key: 'sandbox-key' },
        fullEveryDays: 7,
        onProgress: () => {
          pages++;
        },
      },
    );
    const elapsed = performance.now() - start;
    // onProgress fires once before the first page, then once per stored page.
    const result: RawDownload = { ms: elapsed, pages: pages - 1, stored: 0, ok: outcome.ok };
    if (outcome.ok) result.stored = outcome.state.count;
    else result.problem = outcome.problem;
    return result;
  } finally {
    db.close();
    await db.delete();
    await server.close();
  }
}
