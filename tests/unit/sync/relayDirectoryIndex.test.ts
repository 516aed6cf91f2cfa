// The relay's whole directory (issue 25 item 5): the search index built from the download as it is
// read and kept with the completed generation is the very index the search would build from the
// stored services afterwards (the same services, the same order), so search answers are identical;
// items that are not services are still refused and counted, and a failed download loses nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDirectorySearcher } from '../../../src/app/directory/worker/directorySearcher.ts';
import { encodeIndex, packedIndexType } from '../../../src/domain/directory/packedIndex.ts';
import { buildIndex, searchServices } from '../../../src/domain/directory/search.ts';
import { storedOrder } from '../../../src/domain/directory/service.ts';
import type { ServiceIndex } from '../../../src/domain/directory/serviceIndex.ts';
import { createDb } from '../../../src/store/db.ts';
import { getDirectoryState, listServices } from '../../../src/store/directory/directory.ts';
import { getStoredIndex } from '../../../src/store/directory/directoryIndex.ts';
import { createClient } from '../../../src/sync/client.ts';
import { refreshDirectory } from '../../../src/sync/directory/directory.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';

let n = 0;
const NOW = Date.parse('2026-11-28T10:00:00Z');
const WORDS = ['St', 'Mary’s', 'Thérèse', 'Ward', 'Children’s', 'Outpatients', 'ward', 'A&E', 'Surgery', '3'];

/** A relay whose GET /directory answers `body` (or `status`). */
function relayAnswering(
  body: unknown,
  status = 200,
  onFirstIndex?: (index: ServiceIndex) => void | Promise<void>,
) {
  return relayWith(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json', ETag: '"v1"' },
      }),
    onFirstIndex,
  );
}

/** A relay whose GET /directory is answered by `respond`, given the request's headers. */
function relayWith(
  respond: (headers: Headers) => Promise<Response>,
  onFirstIndex?: (index: ServiceIndex) => void | Promise<void>,
  db = createDb(`relay-index-${++n}`),
) {
  const client = createClient({
    fetch: async (_url, init) => respond(new Headers(init?.headers)),
    limiter: createRateLimiter(10_000),
  });
  const deps = { db, client, now: () => NOW, sleep: async () => undefined, random: () => 0 };
  const options = {
    connection: { apiAddress: 'https://relay.example.org/api/v2', key: '', token: 'device-token' },
    fullEveryDays: 7,
    ...(onFirstIndex ? { onFirstIndex } : {}),
  };
  return { db, refresh: () => refreshDirectory(deps, options) };
}

/** A relay of this release: the packed index when asked for it, as `relay/directory/routes.ts` builds it. */
function packedRelay(items: unknown[]) {
  const asked: string[] = [];
  const { services, malformed } = storedOrder(items);
  const bytes = encodeIndex(buildIndex(services), malformed);
  const relay = relayWith(async (headers) => {
    asked.push(headers.get('accept') ?? '');
    return new Response(bytes, { headers: { 'Content-Type': packedIndexType(), ETag: '"v2-index"' } });
  });
  return { ...relay, asked };
}

const name = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 })
  .map((words) => words.join(' '));
const code = fc.constantFrom('RX1', 'RX1RA', 'RX1RA01', 'G82001', 'rx1', 'Z', '10', '9');
const item = fc.oneof(
  { weight: 8, arbitrary: fc.record({ nacs: code, name, type: fc.constantFrom('Hospital', 'ward', 'GP') }) },
  {
    weight: 3,
    arbitrary: fc.record({
      nacs: code,
      name,
      type: fc.constant('ward'),
      organisation: fc.constantFrom('Larkfield NHS Trust', { name: 'Riverside Health' }),
      siteNacs: code,
      links: fc.constant([{ rel: 'parent', id: 'RX1' }]),
    }),
  },
  // Not services: no name, no code, not an object.
  { weight: 1, arbitrary: fc.oneof(fc.record({ nacs: code }), fc.constant(null), fc.constant('RX1')) },
);
const queries = fc.array(
  fc.oneof(
    fc.constantFrom(...WORDS).map((w) => w.toLowerCase().slice(0, 4)),
    fc.constantFrom('therse', 'st m'),
  ),
  { minLength: 1, maxLength: 3 },
);

describe('the relay directory, indexed as it is read', () => {
  it('keeps the same index the stored services give, so every search answers the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 40 }), queries, async (items, asked) => {
        const relay = relayAnswering({ count: items.length, healthservices: items });
        const outcome = await relay.refresh();
        expect(outcome.ok).toBe(true);
        const { activeGen, malformed } = await getDirectoryState(relay.db);
        const stored = await getStoredIndex(relay.db, activeGen);
        const rebuilt = buildIndex(await listServices(relay.db));
        expect(stored).toEqual(rebuilt);
        if (!stored) throw new Error('no stored index');
        for (const query of asked)
          expect(searchServices(stored, query)).toEqual(searchServices(rebuilt, query));
        expect(malformed).toBe(
          items.filter((i) => typeof i !== 'object' || i === null || !('name' in i)).length,
        );
        relay.db.close();
      }),
      { numRuns: 60 },
    );
  });

  it('the search opens the kept index without reading a service back', async () => {
    const items = [
      { nacs: 'RX1RA', name: "St Mary's Hospital", type: 'Hospital' },
      { nacs: 'RX1RA01', name: 'Thérèse Ward', type: 'ward', siteNacs: 'RX1RA' },
    ];
    const relay = relayAnswering({ count: 2, healthservices: items });
    expect((await relay.refresh()).ok).toBe(true);
    await relay.db.services.clear(); // proof that opening reads no service row
    const searcher = createDirectorySearcher(relay.db);
    expect(await searcher.load()).toBe(2);
    expect((await searcher.search('therese st marys')).map((r) => r.service.nacs)).toEqual(['RX1RA01']);
  });

  it('a new iPad searches the first directory before its services are stored; a later one waits', async () => {
    const items = [{ nacs: 'RX1RA01', name: 'Thérèse Ward', type: 'ward' }];
    const given: ServiceIndex[] = [];
    const relay = relayAnswering({ count: 1, healthservices: items }, 200, (index) => {
      given.push(index);
    });
    expect((await relay.refresh()).ok).toBe(true);
    expect(given).toHaveLength(1);
    const { activeGen } = await getDirectoryState(relay.db);
    expect(given[0]).toEqual(await getStoredIndex(relay.db, activeGen));

    // The worker's searcher takes it as it is, with nothing read from the store.
    const searcher = createDirectorySearcher(createDb(`relay-index-${++n}`));
    expect(await searcher.load()).toBe(0);
    expect(await searcher.use(given[0] as ServiceIndex)).toBe(1);
    expect((await searcher.search('therese')).map((r) => r.service.nacs)).toEqual(['RX1RA01']);

    // With a directory on the device, it stays in use until the new one is complete.
    expect((await relay.refresh()).ok).toBe(true);
    expect(given).toHaveLength(1);
  });

  it("the search has the new iPad's index before any service is written (the writes would hold up its questions)", async () => {
    const items = [
      { nacs: 'RX1RA01', name: 'Thérèse Ward', type: 'ward' },
      { nacs: 'G82001', name: 'Kingsmere Surgery', type: 'GP' },
    ];
    let release = () => {};
    const taken = new Promise<void>((resolve) => {
      release = resolve;
    });
    let storedWhenGiven = -1;
    const relay = relayAnswering({ count: 2, healthservices: items }, 200, async () => {
      // Let every write that is not waiting for this hand-over happen first.
      for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
      storedWhenGiven = await relay.db.services.count();
      await taken;
    });
    const refreshing = relay.refresh();
    await expect.poll(() => storedWhenGiven).toBe(0);
    release();
    expect((await refreshing).ok).toBe(true);
    expect(await relay.db.services.count()).toBe(2);
  });

  it('a relay of this release sends the packed index: stored exactly as the services it was built from', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(item, { maxLength: 40 }), async (items) => {
        const fromJson = relayAnswering({ count: items.length, healthservices: items });
        const packed = packedRelay(items);
        expect((await fromJson.refresh()).ok).toBe(true);
        expect((await packed.refresh()).ok).toBe(true);
        expect(packed.asked[0]).toContain(packedIndexType());
        const [json, bytes] = [await getDirectoryState(fromJson.db), await getDirectoryState(packed.db)];
        expect(bytes.malformed).toBe(json.malformed);
        expect(bytes.relayEtag).toBe('"v2-index"');
        expect(await listServices(packed.db)).toEqual(await listServices(fromJson.db));
        expect(await getStoredIndex(packed.db, bytes.activeGen)).toEqual(
          await getStoredIndex(fromJson.db, json.activeGen),
        );
        fromJson.db.close();
        packed.db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('a packed index cut short is refused as incomplete, and the directory on the device is kept', async () => {
    const items = [{ nacs: 'A', name: 'Ward A', type: 'ward' }];
    const first = relayAnswering({ count: 1, healthservices: items });
    expect((await first.refresh()).ok).toBe(true);
    const before = await getDirectoryState(first.db);
    const cut = relayWith(
      async () =>
        new Response(encodeIndex(buildIndex(storedOrder(items).services), 0).slice(0, 60), {
          headers: { 'Content-Type': packedIndexType() },
        }),
      undefined,
      first.db,
    );
    expect(await cut.refresh()).toEqual({ ok: false, problem: 'unreachable', reason: 'incomplete' });
    expect(await getDirectoryState(first.db)).toEqual(before);
    expect(await listServices(first.db)).toHaveLength(1);
  });

  it('an HTML page in answer (a login page on the way) is a refused key, as before the index was asked for', async () => {
    const html = relayWith(
      async () => new Response('<html>Sign in</html>', { headers: { 'Content-Type': 'text/html' } }),
    );
    expect(await html.refresh()).toMatchObject({ ok: false, problem: 'key-rejected' });
  });

  it('a refused download keeps the directory and its index as they were', async () => {
    const first = relayAnswering({ count: 1, healthservices: [{ nacs: 'A', name: 'Ward A', type: 'ward' }] });
    expect((await first.refresh()).ok).toBe(true);
    const before = await getDirectoryState(first.db);
    const client = createClient({
      fetch: async () => new Response('{"error":"unavailable"}', { status: 503 }),
      limiter: createRateLimiter(10_000),
    });
    const failed = await refreshDirectory(
      { db: first.db, client, now: () => NOW, sleep: async () => undefined, random: () => 0 },
      {
        connection: { apiAddress: 'https://relay.example.org/api/v2', key: '', token: 't' },
        fullEveryDays: 7,
        forceFull: true,
      },
    );
    expect(failed.ok).toBe(false);
    expect(await getDirectoryState(first.db)).toEqual(before);
    expect((await getStoredIndex(first.db, before.activeGen))?.services.count).toBe(1);
  });
});
