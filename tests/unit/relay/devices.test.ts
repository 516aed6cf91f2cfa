// Enrolment and device tokens, on SQLite and Postgres: one-time expiring codes, tokens kept only
// as hashes, 401 device-unknown / device-revoked, the wrong-code guard, and CORS on every answer.
import { afterEach, describe, expect, it } from 'vitest';
import { WRONG_CODES_PER_MINUTE } from '../../../relay/devices.ts';
import { KINDS, useDatabases } from './databases.ts';
import {
  admin,
  dumpTables,
  enrol,
  getApi,
  newCode,
  type Relay,
  redeem,
  startTestRelay,
  startWorld,
  type World,
} from './harness.ts';

const databases = useDatabases();

describe.each(KINDS)('devices on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('enrols with a one-time code, keeps only a hash of the token, and lists the device by the lead’s name', async () => {
    world = await startWorld(await databases.url(kind));
    const code = await newCode(world.relay, { name: 'Outpatients' });
    const first = await redeem(world.relay, code.toLowerCase().replace(/-/g, ' '), 'Ward 3 iPad');
    expect(first.status).toBe(201);
    const { deviceId, token } = (await first.json()) as { deviceId: string; token: string };
    expect(token.length).toBeGreaterThanOrEqual(40);
    const again = await redeem(world.relay, code);
    expect([again.status, await again.json()]).toEqual([400, { error: 'code-not-accepted' }]);
    const kept = await dumpTables(world.relay);
    expect(kept).not.toContain(token);
    expect(kept).not.toContain(code);
    expect((await getApi(world.relay, token, '/healthservices')).status).toBe(200);
    const devices = await (await admin(world.relay, '/devices')).json();
    expect(devices).toEqual([
      expect.objectContaining({
        deviceId,
        name: 'Outpatients', // the name the lead typed, never replaced by the iPad's own…
        description: 'Ward 3 iPad', // …which is shown beside it
        enrolledAt: expect.any(String),
        sent: 0,
        revokedAt: null,
        lastSeenAt: expect.any(String),
      }),
    ]);
  });

  it('answers unknown, used and expired codes alike (400 code-not-accepted), the reason in the audit log only', async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const used = await newCode(world.relay);
    expect((await redeem(world.relay, used)).status).toBe(201);
    const late = await newCode(world.relay, { expiresInMinutes: 5 });
    clock += 5 * 60_000;
    const answers = [];
    for (const code of ['NOPE-NOPE-00', used, late]) {
      const answer = await redeem(world.relay, code);
      answers.push({ status: answer.status, body: await answer.text() });
    }
    const same = { status: 400, body: JSON.stringify({ error: 'code-not-accepted' }) };
    expect(answers).toEqual([same, same, same]);
    const reasons = world.relay.logs
      .map((line) => JSON.parse(line) as { event?: string; reason?: string })
      .filter((line) => line.event === 'enrolment-code-wrong')
      .map((line) => line.reason);
    expect(reasons).toEqual(['code-unknown', 'code-used', 'code-expired']);
  });

  it(`answers 429 after ${WRONG_CODES_PER_MINUTE} wrong codes a minute from one address, then lets it try again`, async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const code = await newCode(world.relay);
    for (let i = 0; i < WRONG_CODES_PER_MINUTE; i++)
      expect((await redeem(world.relay, `WRONG-${i}`)).status).toBe(400);
    const blocked = await redeem(world.relay, code);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    clock += 60_001;
    expect((await redeem(world.relay, code)).status).toBe(201);
  });

  it(`holds the wrong-code limit under concurrency: of 40 wrong codes at once (through two instances on Postgres), ${WRONG_CODES_PER_MINUTE} are tried, the rest 429`, async () => {
    const url = await databases.url(kind);
    world = await startWorld(url);
    // Postgres is what several instances share: half the codes go through a second one.
    const other = kind === 'postgres' ? await startTestRelay(world.sandbox.url, url) : world.relay;
    try {
      const relays = [world.relay, other];
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => redeem(relays[i % 2] as Relay, `WRONG-${i}`)),
      );
      const statuses = answers.map((answer) => answer.status);
      await Promise.all(answers.map((answer) => answer.body?.cancel()));
      expect(statuses.filter((status) => status === 400)).toHaveLength(WRONG_CODES_PER_MINUTE);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40 - WRONG_CODES_PER_MINUTE);
    } finally {
      if (other !== world.relay) await other.close();
    }
  });

  it('answers 401 device-unknown and device-revoked, with CORS, and a preflight before any token', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const unknown = await getApi(world.relay, 'made-up-token', '/healthservices', {
      Origin: 'https://app.example',
    });
    expect([unknown.status, await unknown.json()]).toEqual([401, { error: 'device-unknown' }]);
    expect(unknown.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${world.relay.url}/api/v2/healthservices`)).status).toBe(401);
    expect((await admin(world.relay, `/devices/${deviceId}/revoke`, { method: 'POST' })).status).toBe(200);
    const revoked = await getApi(world.relay, token, '/healthservices');
    expect([revoked.status, await revoked.json()]).toEqual([401, { error: 'device-revoked' }]);
    const preflight = await fetch(`${world.relay.url}/api/v2/opinions`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://app.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');
  });

  it('says only { relay: 1 } without a token; GET /relay/status with one says the token and the key hold, or why not', async () => {
    world = await startWorld(await databases.url(kind));
    const open = await fetch(`${world.relay.url}/api/v2/relay`);
    expect([open.status, await open.json()]).toEqual([200, { relay: 1 }]);
    expect((await fetch(`${world.relay.url}/api/v2/relay/status`)).status).toBe(401);
    const { deviceId, token } = await enrol(world.relay);
    const ok = await getApi(world.relay, token, '/relay/status');
    expect([ok.status, await ok.json()]).toEqual([
      200,
      expect.objectContaining({ relay: 1, organisation: 'City Hospital', upstream: 'accepted' }),
    ]);
    await admin(world.relay, `/devices/${deviceId}/revoke`, { method: 'POST' });
    const revoked = await getApi(world.relay, token, '/relay/status');
    expect([revoked.status, await revoked.json()]).toEqual([401, { error: 'device-revoked' }]);
  });

  it('GET /relay/status says when Care Opinion refuses the relay’s key', async () => {
    world = await startWorld(await databases.url(kind), { config: { upstreamKey: 'not-the-key' } });
    const { token } = await enrol(world.relay);
    const refused = await getApi(world.relay, token, '/relay/status');
    expect([refused.status, await refused.json()]).toEqual([
      200,
      expect.objectContaining({ upstream: 'refused' }),
    ]);
  });
});

describe('admin API and CORS origins', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('refuses the admin API without the admin token', async () => {
    world = await startWorld(await databases.url('sqlite'));
    const res = await fetch(`${world.relay.url}/admin/api/devices`, {
      headers: { Authorization: 'Bearer guess' },
    });
    expect([res.status, await res.json()]).toEqual([401, { error: 'admin-token-wrong' }]);
  });

  it('allows only RELAY_APP_ORIGINS when set, on errors too', async () => {
    world = await startWorld(await databases.url('sqlite'), {
      config: { appOrigins: ['https://app.example'] },
    });
    const allowed = await fetch(`${world.relay.url}/api/v2/opinions`, {
      headers: { Origin: 'https://app.example' },
    });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const other = await fetch(`${world.relay.url}/api/v2/opinions`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an internal failure with 500 and CORS, and says nothing of its cause', async () => {
    world = await startWorld(await databases.url('sqlite'));
    const { token } = await enrol(world.relay);
    await world.relay.services.store.close(); // the database goes away under the relay
    const res = await getApi(world.relay, token, '/healthservices', { Origin: 'https://app.example' });
    expect([res.status, await res.json()]).toEqual([500, { error: 'relay-error' }]);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('builds the enrolment link and its QR code when RELAY_APP_URL is set', async () => {
    const clock = Date.parse('2026-12-07T09:00:00Z');
    world = await startWorld(await databases.url('sqlite'), {
      config: { appUrl: 'https://app.example/' },
      start: { now: () => clock },
    });
    const res = await admin(world.relay, '/enrolments', { method: 'POST', body: '{}' });
    const body = (await res.json()) as { code: string; link: string; qr: string; expiresAt: string };
    expect(res.status).toBe(201);
    expect(body.link).toBe(`https://app.example/#enrol=${encodeURIComponent(world.relay.url)},${body.code}`);
    expect(Buffer.from(body.qr.replace('data:image/svg+xml;base64,', ''), 'base64').toString()).toContain(
      '<svg',
    );
    expect(body.expiresAt).toBe('2026-12-07T10:00:00.000Z'); // DEFAULT_CODE_MINUTES after the relay's clock
  });
});
