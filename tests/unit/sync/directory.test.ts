// The directory refresh against the real sandbox server: full download, resume after an
// interruption, a failed full refresh that keeps the old directory, a refused key, incremental.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndex, searchServices } from '../../../src/domain/directory/search.ts';
import { createDb } from '../../../src/store/db.ts';
import { getDirectoryState, listServices } from '../../../src/store/directory/directory.ts';
import { createClient, type Fetch } from '../../../src/sync/client.ts';
import { refreshDirectory } from '../../../src/sync/directory/directory.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';
import { type SandboxServer, startSandboxServer } from '../../sandbox/server.ts';

let sandbox: SandboxServer;
let n = 0;
const SERVICES = 650;

beforeAll(async () => {
  sandbox = await startSandboxServer({ services: SERVICES, rate: 10_000, seed: 7 });
});
afterAll(async () => {
  await sandbox.close();
});

function setup(fetchImpl: Fetch = (url, init) => fetch(url, init)) {
  const urls: string[] = [];
  const db = createDb(`directory-${++n}`);
  const client = createClient({
    fetch: (url, init) => {
      urls.push(url);
      return fetchImpl(url, init);
    },
    limiter: createRateLimiter(10_000),
  });
  let clock = Date.parse('2026-11-28T10:00:00Z');
  const deps = { db, client, now: () => clock, sleep: async () => undefined, random: () => 0 };
  const connection = { apiAddress: sandbox.url, key: 'sandbox-key' };
  return { db, deps, urls, connection, advance: (ms: number) => (clock += ms) };
}

describe('refreshDirectory', () => {
  it('downloads every page until an empty one, skipping and counting malformed items', async () => {
    const { db, deps, urls, connection } = setup();
    const progress: number[] = [];
    const outcome = await refreshDirectory(deps, {
      connection,
      fullEveryDays: 7,
      onProgress: (p) => progress.push(p.fetched),
    });
    expect(outcome.ok).toBe(true);
    const state = await getDirectoryState(db);
    const services = await listServices(db);
    expect(services.length).toBe(state.count);
    expect(state.count + state.malformed).toBe(SERVICES);
    expect(urls.every((u) => u.includes('take=100') && !u.includes('sandbox-key'))).toBe(true);
    expect(urls.at(-1)).toContain(`skip=${SERVICES}`);
    expect(progress.at(-1)).toBe(state.count);
    const found = searchServices(buildIndex(services), 'st marys');
    expect(found.map((r) => r.service.name)).toContain("St Mary's Hospital");
  });

  it('resumes an interrupted refresh where it stopped, without starting again', async () => {
    const { db, deps, urls, connection } = setup();
    const controller = new AbortController();
    const first = await refreshDirectory(deps, {
      connection,
      fullEveryDays: 7,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fetched >= 300) controller.abort();
      },
    });
    expect(first).toMatchObject({ ok: false, problem: 'cancelled' });
    const stopped = await getDirectoryState(db);
    expect(stopped.activeGen).toBe(0);
    expect(stopped.job?.skip).toBe(300);
    urls.length = 0;
    const second = await refreshDirectory(deps, { connection, fullEveryDays: 7 });
    expect(second.ok).toBe(true);
    expect(urls[0]).toContain('skip=300');
    const state = await getDirectoryState(db);
    expect(state.count + state.malformed).toBe(SERVICES);
    expect(state.job).toBeUndefined();
  });

  it('keeps the old directory usable when a new full refresh fails part-way', async () => {
    let failAfter = Number.POSITIVE_INFINITY;
    let calls = 0;
    const { db, deps, connection } = setup(async (url, init) => {
      if (++calls > failAfter) throw new TypeError('Failed to fetch');
      return fetch(url, init);
    });
    expect((await refreshDirectory(deps, { connection, fullEveryDays: 7 })).ok).toBe(true);
    const before = await listServices(db);
    failAfter = calls + 2;
    const outcome = await refreshDirectory(deps, { connection, fullEveryDays: 7, forceFull: true });
    expect(outcome).toMatchObject({ ok: false, problem: 'unreachable' });
    const after = await listServices(db);
    expect(after.length).toBe(before.length);
    expect(new Set(after.map((s) => s.nacs))).toEqual(new Set(before.map((s) => s.nacs)));
    expect((await getDirectoryState(db)).job?.skip).toBe(200);
  });

  it('stops at once when the key is refused, changing nothing', async () => {
    const { db, deps, connection } = setup();
    const outcome = await refreshDirectory(deps, {
      connection: { ...connection, key: 'wrong' },
      fullEveryDays: 7,
    });
    expect(outcome).toMatchObject({ ok: false, problem: 'key-rejected' });
    expect((await getDirectoryState(db)).count).toBe(0);
  });

  it('asks only for services added since the last refresh between full refreshes', async () => {
    const { deps, urls, connection, advance } = setup();
    await refreshDirectory(deps, { connection, fullEveryDays: 7 });
    advance(24 * 60 * 60 * 1000);
    urls.length = 0;
    expect((await refreshDirectory(deps, { connection, fullEveryDays: 7 })).ok).toBe(true);
    expect(urls[0]).toContain('addedAfter=2026-11-28T10%3A00%3A00.000Z');
    advance(7 * 24 * 60 * 60 * 1000);
    urls.length = 0;
    await refreshDirectory(deps, { connection, fullEveryDays: 7 });
    expect(urls[0]).not.toContain('addedAfter');
  });
});
