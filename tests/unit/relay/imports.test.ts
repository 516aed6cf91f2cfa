// Issue 26, importing a sealed file, on SQLite and Postgres against the sandbox: 20 stories imported
// then sent by the iPad itself are stored once; a second import adds nothing; a tampered, foreign,
// truncated or non-file is refused and changes nothing; a revoked or unknown device's file imports
// only when the lead confirms; outcomes by number, never content, in the answer and the log.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { REFUSED_REASONS } from '../../../relay/admin/imports.ts';
import { CSP } from '../../../relay/admin/page.ts';
import { getControl, type Received, type SandboxStats, setFaults } from '../sandbox/helpers.ts';
import { KINDS, useDatabases } from './databases.ts';
import { exportKeyOf, importFile, sealFor, storiesFor } from './fleetHelpers.ts';
import { admin, dumpTables, enrol, postStory, startWorld, validStory, type World } from './harness.ts';

const databases = useDatabases();
const PERSONAL = ['rugbyfan33', 'person@example.org', 'NG5 1PB', 'Kind staff', 'Everyone listened'];

type Imported = {
  deviceId: string;
  stories: number;
  sent: number;
  alreadyThere: number;
  refused: number;
  outcomes: { number: number; outcome: string; reason?: string }[];
};

const numbered = (n: number, outcome: string) =>
  Array.from({ length: n }, (_, i) => ({ number: i + 1, outcome }));

async function upstream(world: World) {
  const received = await getControl<Received[]>(world.sandbox, '/received');
  const stats = await getControl<SandboxStats>(world.sandbox, '/stats');
  return { stored: received.length, keys: new Set(received.map((r) => r.idempotencyKey)), stats };
}

describe.each(KINDS)('importing a sealed file on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('sends 20 stories once: imported, then sent by the iPad (replays), then imported again (already there)', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const stories = storiesFor(20);
    const file = await sealFor(await exportKeyOf(world.relay, token), deviceId, stories);

    const res = await importFile(world.relay, file);
    const imported = (await res.json()) as Imported;
    expect(res.status).toBe(200);
    expect(imported).toEqual(
      expect.objectContaining({ deviceId, stories: 20, sent: 20, alreadyThere: 0, refused: 0 }),
    );
    expect(imported.outcomes).toEqual(numbered(20, 'sent'));
    const after = await upstream(world);
    expect(after.stored).toBe(20);
    expect(after.keys).toEqual(new Set(stories.map((s) => s.idempotencyKey)));

    // The iPad comes online and sends the same stories: each a replay of the imported answer.
    for (const story of stories) {
      const again = await postStory(world.relay, token, story.body, story.idempotencyKey);
      expect(again.status).toBe(200);
    }
    const twice = (await (await importFile(world.relay, file)).json()) as Imported;
    expect(twice.outcomes).toEqual(numbered(20, 'already-there'));
    const final = await upstream(world);
    expect(final.stored).toBe(20);
    expect(final.stats.duplicatesPrevented).toBe(0); // the relay never asked Care Opinion twice
    const deliveries = (await (await admin(world.relay, '/deliveries?take=100')).json()) as unknown[];
    expect(deliveries).toHaveLength(20);
    expect(deliveries).toEqual(expect.arrayContaining([expect.objectContaining({ deviceId, status: 201 })]));

    const audit = world.relay.logs.filter((line) => line.includes('"event":"sealed-file-imported"'));
    expect(audit.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ deviceId, stories: 20, sent: 20, alreadyThere: 0, refused: 0 }),
      expect.objectContaining({ deviceId, stories: 20, sent: 0, alreadyThere: 20, refused: 0 }),
    ]);
    const logged = world.relay.logs.join('\n');
    for (const word of [...PERSONAL, 'story 1']) expect(logged).not.toContain(word);
  });

  it('finds stories the iPad already sent already there, and refuses a bad story by its number only', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const stories = storiesFor(4);
    for (const story of stories.slice(0, 2))
      expect((await postStory(world.relay, token, story.body, story.idempotencyKey)).status).toBe(201);
    const { consent: _, ...unconsented } = validStory();
    const file = await sealFor(await exportKeyOf(world.relay, token), deviceId, [
      ...stories,
      { idempotencyKey: randomUUID(), body: unconsented },
      { idempotencyKey: 'not-a-uuid', body: validStory() },
      { idempotencyKey: stories[3]?.idempotencyKey as string, body: { ...validStory(), title: 'Other' } },
    ]);
    const res = await importFile(world.relay, file);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(
      expect.objectContaining({
        sent: 2,
        alreadyThere: 2,
        refused: 3,
        outcomes: [
          { number: 1, outcome: 'already-there' },
          { number: 2, outcome: 'already-there' },
          { number: 3, outcome: 'sent' },
          { number: 4, outcome: 'sent' },
          { number: 5, outcome: 'refused', reason: 'story-invalid' },
          { number: 6, outcome: 'refused', reason: 'idempotency-key-invalid' },
          { number: 7, outcome: 'refused', reason: 'key-reused' },
        ],
      }),
    );
    for (const word of [...PERSONAL, 'not-a-uuid']) expect(text).not.toContain(word);
    expect((await upstream(world)).stored).toBe(4);
  });

  it('refuses a flipped byte, another relay’s file, a truncated file and a non-file, changing nothing', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const key = await exportKeyOf(world.relay, token);
    const file = await sealFor(key, deviceId, storiesFor(3));
    const envelope = JSON.parse(new TextDecoder().decode(file)) as { ciphertext: string };
    const c = envelope.ciphertext;
    const flipped = { ...envelope, ciphertext: c.slice(0, 10) + (c[10] === 'A' ? 'B' : 'A') + c.slice(11) };
    const other = await startWorld(await databases.url(kind));
    let foreign: Uint8Array;
    try {
      const them = await enrol(other.relay);
      foreign = await sealFor(await exportKeyOf(other.relay, them.token), deviceId, storiesFor(3));
    } finally {
      await other.close();
    }
    const forged = await sealFor(
      { ...(await exportKeyOf(world.relay, token)), kid: 'not-ours' },
      deviceId,
      [],
    );
    const before = await dumpTables(world.relay);
    const cases: [Uint8Array | string, number, string][] = [
      [new TextEncoder().encode(JSON.stringify(flipped)), 422, 'does-not-open'],
      [foreign, 422, 'another-relay'],
      [forged, 422, 'another-relay'],
      [file.slice(0, file.length - 20), 400, 'not-a-sealed-file'],
      ['Kind staff on ward 7, a story as plain text', 400, 'not-a-sealed-file'],
      [new Uint8Array([0xff, 0x00, 0x13]), 400, 'not-a-sealed-file'],
      ['', 400, 'not-a-sealed-file'],
    ];
    for (const [body, status, error] of cases) {
      const res = await importFile(world.relay, body);
      expect([res.status, await res.json()]).toEqual([status, { error }]);
    }
    expect(await dumpTables(world.relay)).toBe(before);
    expect((await upstream(world)).stored).toBe(0);
    const wrongType = await fetch(`${world.relay.url}/admin/api/imports`, {
      method: 'POST',
      headers: { Authorization: 'Bearer x', 'Content-Type': 'application/octet-stream' },
      body: Buffer.from(file),
    });
    expect(wrongType.status).toBe(401); // the admin token, as every admin route
    const asJson = await admin(world.relay, '/imports', { method: 'POST', body: Buffer.from(file) });
    expect([asJson.status, await asJson.json()]).toEqual([415, { error: 'send-octet-stream' }]);
    expect((await upstream(world)).stored).toBe(0);
  });

  it('imports a revoked or unknown device’s file only when the lead confirms (409 until then)', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const key = await exportKeyOf(world.relay, token);
    const stories = storiesFor(3);
    const file = await sealFor(key, deviceId, stories);
    await admin(world.relay, `/devices/${deviceId}/revoke`, { method: 'POST' });
    const before = await dumpTables(world.relay);
    for (const query of ['', '?confirm=unknown-device', '?confirm=yes']) {
      const res = await importFile(world.relay, file, query);
      expect([res.status, await res.json()]).toEqual([
        409,
        { error: 'device-revoked', confirm: 'revoked-device', deviceId, stories: 3 },
      ]);
    }
    expect(await dumpTables(world.relay)).toBe(before);
    expect((await upstream(world)).stored).toBe(0);
    const confirmed = await importFile(world.relay, file, '?confirm=revoked-device');
    expect(((await confirmed.json()) as Imported).outcomes).toEqual(numbered(3, 'sent'));
    expect((await upstream(world)).keys).toEqual(new Set(stories.map((s) => s.idempotencyKey)));

    const stranger = randomUUID();
    const unknown = await sealFor(key, stranger, storiesFor(1));
    const refused = await importFile(world.relay, unknown);
    expect([refused.status, await refused.json()]).toEqual([
      409,
      { error: 'device-unknown', confirm: 'unknown-device', deviceId: stranger, stories: 1 },
    ]);
    const taken = await importFile(world.relay, unknown, '?confirm=unknown-device');
    expect(((await taken.json()) as Imported).outcomes).toEqual(numbered(1, 'sent'));
    expect((await upstream(world)).stored).toBe(4);
  });

  it('tries a story Care Opinion was too busy for again after its Retry-After, then reports it not sent yet', async () => {
    const waits: number[] = [];
    let onLongWait = async () => {};
    // The relay's sleep, injected: the rate's short waits pass on real time; a retry's wait is recorded.
    const sleep = async (ms: number) => {
      if (ms < 1000) return new Promise<void>((resolve) => setTimeout(resolve, ms));
      waits.push(ms);
      await onLongWait();
    };
    world = await startWorld(await databases.url(kind), { start: { sleep } });
    const { deviceId, token } = await enrol(world.relay);
    const file = await sealFor(await exportKeyOf(world.relay, token), deviceId, storiesFor(2));
    await setFaults(world.sandbox, { rate429: 1, seed: 1 });
    const busy = (await (await importFile(world.relay, file)).json()) as Imported;
    expect(busy.outcomes).toEqual([
      { number: 1, outcome: 'refused', reason: 'upstream-busy' },
      { number: 2, outcome: 'refused', reason: 'upstream-busy' },
    ]);
    expect(waits).toHaveLength(4); // two waits for each story: three tries
    waits.length = 0;
    onLongWait = async () => void (await setFaults(world!.sandbox, {})); // Care Opinion recovers while it waits
    const recovered = (await (await importFile(world.relay, file)).json()) as Imported;
    expect(recovered.outcomes).toEqual(numbered(2, 'sent'));
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect((await upstream(world)).stored).toBe(2);
  });

  it('takes a file up to 10 MiB and answers 413 above it, before reading it', async () => {
    world = await startWorld(await databases.url(kind));
    const big = await importFile(world.relay, new Uint8Array(10 * 1024 * 1024 + 1));
    expect([big.status, await big.json()]).toEqual([
      413,
      { error: 'body-too-large', limit: 10 * 1024 * 1024 },
    ]);
    const justUnder = await importFile(world.relay, new Uint8Array(10 * 1024 * 1024));
    expect([justUnder.status, await justUnder.json()]).toEqual([400, { error: 'not-a-sealed-file' }]);
  });
});

describe('the admin page’s import', () => {
  it('is served as a module beside admin.js (as the device table is) under the page’s strict CSP, and never parses data as HTML', async () => {
    const world = await startWorld(await databases.url('sqlite'));
    try {
      const script = await fetch(`${world.relay.url}/admin/imports.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('content-security-policy')).toBe(CSP);
      const source = await script.text();
      const page = await (await fetch(`${world.relay.url}/admin/admin.js`)).text();
      const devices = await fetch(`${world.relay.url}/admin/devices.js`);
      expect(devices.headers.get('content-security-policy')).toBe(CSP);
      expect(page).toContain("import { setUpImport } from './imports.js';");
      expect(page).toContain("from './devices.js';");
      for (const text of [source, page, await devices.text()])
        expect(text).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML/);
      // Every reason and file problem the relay answers with has its words on the page.
      for (const code of [
        ...REFUSED_REASONS,
        'not-a-sealed-file',
        'another-relay',
        'does-not-open',
        'contents-invalid',
      ])
        expect(source).toContain(`'${code}'`);
    } finally {
      await world.close();
    }
  });
});
