// The relay's copy of the directory, on SQLite and Postgres: refreshed from the sandbox, served
// with upstream's shape and paging, in one gzip download with an ETag, refresh schedule and failures.
import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../relay/directory/refresh.ts';
import { decodeIndex, packedIndexType } from '../../../src/domain/directory/packedIndex.ts';
import { buildIndex } from '../../../src/domain/directory/search.ts';
import { storedOrder } from '../../../src/domain/directory/service.ts';
import { INDEX_FORMAT } from '../../../src/domain/directory/storedIndex.ts';
import { KINDS, useDatabases } from './databases.ts';
import { enrol, getApi, refreshed, startWorld, type World } from './harness.ts';

const databases = useDatabases();
const SERVICES = 300;

describe.each(KINDS)('the directory on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('serves /healthservices exactly as upstream does, from its own copy', async () => {
    world = await startWorld(await databases.url(kind), { sandbox: { services: SERVICES } });
    const { token } = await enrol(world.relay);
    const done = await refreshed(world.relay);
    expect(done.directory).toMatchObject({ count: SERVICES, lastError: null });
    expect(done.database).toBe(kind);
    for (const query of [
      '',
      '?name=MARY',
      "?name=st%20mary's",
      '?type=hospital',
      '?skip=250&take=100',
      '?addedAfter=2025-06-01&take=100',
      '?name=100%25',
    ]) {
      const mine = await getApi(world.relay, token, `/healthservices${query}`);
      const theirs = await fetch(`${world.sandbox.url}/healthservices${query}`, {
        headers: { Authorization: 'SUBSCRIPTION_KEY test-key' },
      });
      expect(mine.status).toBe(200);
      expect(mine.headers.get('x-total-count')).toBe(theirs.headers.get('x-total-count'));
      expect(await mine.json()).toEqual(await theirs.json());
    }
    expect((await getApi(world.relay, token, '/healthservices?take=101')).status).toBe(400);
    const one = await getApi(world.relay, token, '/healthservices/RX1RA');
    expect(await one.json()).toMatchObject({ nacs: 'RX1RA', name: "St Mary's Hospital" });
  });

  it('gives the whole directory in one gzip answer with an ETag, and 304 for If-None-Match', async () => {
    world = await startWorld(await databases.url(kind), { sandbox: { services: SERVICES } });
    const { token } = await enrol(world.relay);
    await refreshed(world.relay);
    const res = await getApi(world.relay, token, '/directory', { 'Accept-Encoding': 'gzip' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const etag = res.headers.get('etag') as string;
    const body = (await res.json()) as {
      count: number;
      updatedAt: string;
      healthservices: { nacs: string }[];
    };
    expect(body.count).toBe(SERVICES);
    expect(body.healthservices.map((s) => s.nacs)).toEqual(
      [...body.healthservices.map((s) => s.nacs)].sort(),
    );
    const again = await getApi(world.relay, token, '/directory', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    await refreshed(world.relay); // a full refresh is a new version
    expect((await getApi(world.relay, token, '/directory', { 'If-None-Match': etag })).status).toBe(200);
  });

  it('gives a device that asks for it the packed search index of the same services, with its own ETag', async () => {
    world = await startWorld(await databases.url(kind), { sandbox: { services: SERVICES } });
    const { token } = await enrol(world.relay);
    await refreshed(world.relay);
    const accept = { Accept: `${packedIndexType()}, application/json;q=0.5`, 'Accept-Encoding': 'gzip' };
    const res = await getApi(world.relay, token, '/directory', accept);
    expect(res.headers.get('content-type')).toBe(packedIndexType());
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/\bAccept\b/);
    const packed = decodeIndex(await res.arrayBuffer());
    const json = (await (await getApi(world.relay, token, '/directory')).json()) as {
      healthservices: unknown[];
    };
    const { services, malformed } = storedOrder(json.healthservices);
    expect(packed?.malformed).toBe(malformed);
    expect(packed?.index).toEqual(buildIndex(services));
    const etag = res.headers.get('etag') as string;
    const jsonEtag = (await getApi(world.relay, token, '/directory')).headers.get('etag');
    expect(etag).not.toBe(jsonEtag);
    expect(
      (await getApi(world.relay, token, '/directory', { ...accept, 'If-None-Match': etag })).status,
    ).toBe(304);
    // Another format than this release's (an iPad older or newer than the relay): JSON, as before.
    const other = await getApi(world.relay, token, '/directory', {
      Accept: packedIndexType(INDEX_FORMAT + 1),
    });
    expect(other.headers.get('content-type')).toMatch(/^application\/json/);
    // The IT team sees which iPads read which: counts only.
    const metrics = await (await fetch(`${world.relay.url}/metrics`)).text();
    expect(metrics).toContain('relay_directory_downloads_total{representation="index",status="200"} 1');
    expect(metrics).toContain('relay_directory_downloads_total{representation="index",status="304"} 1');
    expect(metrics).toContain('relay_directory_downloads_total{representation="json",status="200"} 3');
  });

  it('records a refused key and says so in the status', async () => {
    world = await startWorld(await databases.url(kind), { config: { upstreamKey: 'wrong' } });
    const done = await refreshed(world.relay);
    expect(done.directory.lastError).toBe('upstream-key-refused');
    expect(done.upstream.key).toBe('refused');
  });

  it('is due for a full copy weekly and for services added since daily', async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url(kind), {
      sandbox: { services: 50 },
      start: { now: () => clock },
    });
    const { refresher } = world.relay.services;
    expect(await refresher.due()).toBe('full');
    await refreshed(world.relay);
    expect(await refresher.due()).toBeNull();
    clock += DAY;
    expect(await refresher.due()).toBe('incremental');
    const done = await refreshed(world.relay, 'incremental');
    expect(done.directory.count).toBe(50);
    expect(await refresher.due()).toBeNull();
    clock += 7 * DAY;
    expect(await refresher.due()).toBe('full');
  });
});
