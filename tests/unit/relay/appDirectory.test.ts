// The app's side of the relay's one-request directory: the first download keeps the relay's ETag,
// the next scheduled refresh asks with If-None-Match and a 304 keeps the device's copy (no 1.7 MB
// again), a new version on the relay is downloaded whole, and "Refresh" by a person always is.
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { getDirectoryState, listServices } from '../../../src/store/directory/directory.ts';
import { createClient } from '../../../src/sync/client.ts';
import { refreshDirectory } from '../../../src/sync/directory/directory.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';
import { sqliteUrl } from './databases.ts';
import { enrol, refreshed, startWorld, type World } from './harness.ts';

const SERVICES = 120;

describe('the app downloads the relay directory only when it changed', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('sends If-None-Match, keeps its copy on 304, downloads a new version whole', async () => {
    world = await startWorld(sqliteUrl(), { sandbox: { services: SERVICES } });
    const { token } = await enrol(world.relay);
    await refreshed(world.relay);
    const sent: { status: number; ifNoneMatch: string | null }[] = [];
    const client = createClient({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        const headers = new Headers(init?.headers);
        sent.push({ status: res.status, ifNoneMatch: headers.get('if-none-match') });
        return res;
      },
      limiter: createRateLimiter(10_000),
    });
    let clock = Date.parse('2026-11-28T10:00:00Z');
    const db = createDb('app-relay-directory');
    const deps = { db, client, now: () => clock, sleep: async () => undefined, random: () => 0 };
    const options = {
      connection: { apiAddress: `${world.relay.url}/api/v2`, key: '', token },
      fullEveryDays: 7,
    };

    const first = await refreshDirectory(deps, options);
    expect(first.ok).toBe(true);
    const etag = (await getDirectoryState(db)).relayEtag;
    expect(etag).toMatch(/^".+"$/);
    expect(sent).toEqual([{ status: 200, ifNoneMatch: null }]);

    clock += 24 * 60 * 60 * 1000;
    const second = await refreshDirectory(deps, options);
    expect(second.ok && second.state).toMatchObject({
      count: SERVICES,
      lastRefreshAt: clock,
      relayEtag: etag,
    });
    expect(sent[1]).toEqual({ status: 304, ifNoneMatch: etag });
    expect(await listServices(db)).toHaveLength(SERVICES);

    await refreshed(world.relay); // a new version on the relay
    clock += 1000;
    expect((await refreshDirectory(deps, options)).ok).toBe(true);
    expect(sent[2]).toMatchObject({ status: 200, ifNoneMatch: etag });
    const after = (await getDirectoryState(db)).relayEtag;
    expect(after).not.toBe(etag);

    // "Refresh service directory" asks for everything, whatever the device has.
    expect((await refreshDirectory(deps, { ...options, forceFull: true })).ok).toBe(true);
    expect(sent[3]).toEqual({ status: 200, ifNoneMatch: null });
  });
});
