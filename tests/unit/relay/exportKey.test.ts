// Issue 26, the relay's export key, on SQLite and Postgres: made at first start and the same after
// a restart; one key for two instances started together on one Postgres; RELAY_EXPORT_KEY used as
// given; the private half never in the database in the clear, and one sealed under another
// fingerprint secret refused (503) without stopping the relay.
import { afterEach, describe, expect, it } from 'vitest';
import { loadExportKey, thumbprint } from '../../../relay/exportKey.ts';
import { ExportKeySchema } from '../../../src/domain/fleet/index.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import { startTestSandbox } from '../sandbox/helpers.ts';
import { KINDS, useDatabases } from './databases.ts';
import { crypto, exportKeyOf } from './fleetHelpers.ts';
import { enrol, getApi, HASH_SECRET, type Relay, startTestRelay } from './harness.ts';

const databases = useDatabases();

describe.each(KINDS)('the export key on %s', (kind) => {
  let sandbox: SandboxServer | undefined;
  let relays: Relay[] = [];
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    relays = [];
    await sandbox?.close();
  });

  async function start(url: Parameters<typeof startTestRelay>[1], config = {}) {
    sandbox ??= await startTestSandbox();
    const relay = await startTestRelay(sandbox.url, url, config);
    relays.push(relay);
    return relay;
  }

  it('is made at first start, published to devices only (public half), and the same after a restart', async () => {
    const url = await databases.url(kind);
    const first = await start(url);
    const { token } = await enrol(first);
    expect((await getApi(first, 'no-such-token', '/relay/export-key')).status).toBe(401);
    const key = await exportKeyOf(first, token);
    expect(ExportKeySchema.safeParse(key).success).toBe(true);
    expect(Object.keys(key.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']); // no "d"
    expect(key.kid).toBe(thumbprint(key.jwk));
    // The private half is in the database only sealed: its "d" never appears.
    const private_ = await crypto.subtle
      .exportKey('jwk', first.services.exportKey.current!.privateKey)
      .catch(() => null);
    expect(private_).toBeNull(); // not extractable
    const rows = await first.services.store.db.selectFrom('export_keys').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.private_sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(rows[0]?.private_sealed).not.toContain('"d"');
    await first.close();
    relays = [];
    const again = await start(url);
    expect(await exportKeyOf(again, token)).toEqual(key);
  });

  it('uses RELAY_EXPORT_KEY as given, without writing one in the database', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ])) as CryptoKeyPair;
    const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as {
      kty: 'EC';
      crv: 'P-256';
      x: string;
      y: string;
      d: string;
    };
    const relay = await start(await databases.url(kind), { exportKey: jwk });
    const { token } = await enrol(relay);
    expect(await exportKeyOf(relay, token)).toEqual({
      kid: thumbprint(jwk),
      jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y },
    });
    expect(await relay.services.store.db.selectFrom('export_keys').selectAll().execute()).toEqual([]);
  });

  it('answers 503 export-key-unavailable, and still forwards, when the key was sealed under another secret', async () => {
    const url = await databases.url(kind);
    const first = await start(url, { hashSecret: 'the-first-secret-of-at-least-32-characters' });
    const { token } = await enrol(first);
    await exportKeyOf(first, token);
    await first.close();
    relays = [];
    const other = await start(url, { hashSecret: 'another-secret-of-at-least-32-characters!!' });
    const res = await getApi(other, token, '/relay/export-key');
    expect([res.status, await res.json()]).toEqual([503, { error: 'export-key-unavailable' }]);
    expect(other.logs.join('\n')).toContain('"event":"export-key-unreadable"');
    expect((await getApi(other, token, '/healthservices')).status).toBe(200);
  });
});

describe('the export key with two instances on one Postgres', () => {
  let relays: Relay[] = [];
  let sandbox: SandboxServer | undefined;
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    relays = [];
    await sandbox?.close();
  });

  it('is one key: both start at once on an empty database and publish the same', async () => {
    sandbox = await startTestSandbox();
    const url = await databases.url('postgres');
    relays = await Promise.all([startTestRelay(sandbox.url, url), startTestRelay(sandbox.url, url)]);
    const [a, b] = relays as [Relay, Relay];
    const { token } = await enrol(a);
    const fromA = await exportKeyOf(a, token);
    expect(await exportKeyOf(b, token)).toEqual(fromA);
    expect(await a.services.store.db.selectFrom('export_keys').selectAll().execute()).toHaveLength(1);
    // The race itself, made certain: no key yet, and both instances make one at the same moment.
    await a.services.store.db.deleteFrom('export_keys').execute();
    const made = await Promise.all(
      [a, b].map((relay) => loadExportKey(relay.services.store, undefined, HASH_SECRET, Date.now)),
    );
    expect(made[0]?.kid).toBeDefined();
    expect(made[1]?.kid).toBe(made[0]?.kid);
    expect(await a.services.store.db.selectFrom('export_keys').selectAll().execute()).toHaveLength(1);
  });
});
