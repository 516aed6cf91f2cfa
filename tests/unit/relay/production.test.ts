// The relay as a trust runs it (issue 21): health, readiness and metrics; the built app on the
// relay's own origin with the production headers and its /app-config.json; the admin page on a
// listener of its own; the client's address from a trusted proxy only; the audit trail, read
// from the log stream; the SQLite file readable by the relay's user only.
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useDatabases } from './databases.ts';
import {
  ADMIN,
  admin,
  enrol,
  newCode,
  postStory,
  type Relay,
  redeem,
  startWorld,
  status,
  type World,
  waitFor,
} from './harness.ts';

const databases = useDatabases();
const APP = 'tests/fixtures/app';

type Line = { level: number; msg: string; event?: string; [field: string]: unknown };
const lines = (relay: Relay): Line[] => relay.logs.map((line) => JSON.parse(line) as Line);
const events = (relay: Relay, event: string) => lines(relay).filter((line) => line.event === event);

describe('a relay in production', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('answers /healthz, /readyz and /metrics, with nothing personal in the metrics', async () => {
    world = await startWorld(await databases.url('postgres'));
    const { relay } = world;
    expect([(await fetch(`${relay.url}/healthz`)).status]).toEqual([200]);
    const ready = await fetch(`${relay.url}/readyz`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: 'postgres' }]);
    const code = await newCode(relay, { name: 'Ward 7 iPad' });
    const res = await redeem(relay, code, 'Sam’s iPad');
    const { token } = (await res.json()) as { token: string };
    expect((await postStory(relay, token)).status).toBe(201);
    const metrics = await fetch(`${relay.url}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    for (const line of [
      'relay_stories_total{outcome="forwarded"} 1',
      'relay_upstream_answers_total{class="2xx"} 1',
      'relay_upstream_key_state{state="accepted"} 1',
      'relay_devices{state="enrolled"} 1',
      'relay_devices{state="revoked"} 0',
      'relay_directory_services 0',
      'relay_upstream_rate_wait_seconds_count 1',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(
      /relay_http_request_duration_seconds_count\{method="POST",route="\/api\/v2\/opinions",status="201"\} 1/,
    );
    for (const secret of ['Ward 7', 'Sam', code, token, ADMIN]) expect(text).not.toContain(secret);
  });

  it('answers /metrics only to RELAY_METRICS_FROM, and /readyz 503 naming the failed check', async () => {
    world = await startWorld(await databases.url('sqlite'), { config: { metricsFrom: ['192.0.2.7'] } });
    expect((await fetch(`${world.relay.url}/metrics`)).status).toBe(404);
    await world.relay.services.store.db.deleteFrom('kysely_migration' as never).execute();
    const behind = await fetch(`${world.relay.url}/readyz`);
    expect(behind.status).toBe(503);
    expect(await behind.json()).toEqual({
      status: 'unready',
      failed: [{ check: 'migrations', message: expect.stringContaining('2026-12-01-initial') }],
    });
    await world.relay.services.store.close(); // the database goes away under the relay
    const down = await fetch(`${world.relay.url}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { failed: { check: string }[] }).failed[0]?.check).toBe('database');
    const logged = lines(world.relay).find((line) => line.msg.startsWith('readiness'));
    expect(logged).toMatchObject({ level: 50, message: expect.stringMatching(/\w/) }); // a message, not only a name
  });

  it('serves the app on its own origin: production headers, caching, app-config.json from its settings', async () => {
    world = await startWorld(await databases.url('sqlite'), {
      config: { appDir: APP, publicUrl: 'https://stories.example.nhs.uk', organisation: 'City Hospital' },
    });
    const { relay } = world;
    const page = await fetch(`${relay.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Story Collector');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${relay.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${relay.url}/manifest.webmanifest`)).headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${relay.url}/assets/index-Ab12Cd34.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const deepLink = await fetch(`${relay.url}/settings`);
    expect(deepLink.headers.get('content-type')).toMatch(/^text\/html/);
    expect((await fetch(`${relay.url}/nothing.js`)).status).toBe(404);
    const config = await fetch(`${relay.url}/app-config.json`, { headers: { Host: 'evil.example' } });
    expect(await config.json()).toEqual({
      apiAddress: 'https://stories.example.nhs.uk/api/v2',
      organisation: 'City Hospital',
      region: 'uk',
    });
    // Enrolment links name RELAY_PUBLIC_URL, never the Host or X-Forwarded-* headers.
    const enrolment = await admin(relay, '/enrolments', {
      method: 'POST',
      body: '{}',
      headers: { Host: 'evil.example', 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'evil.example' },
    });
    const { link, code } = (await enrolment.json()) as { link: string; code: string };
    expect(link).toBe(
      `https://stories.example.nhs.uk/#enrol=${encodeURIComponent('https://stories.example.nhs.uk')},${code}`,
    );
  });

  it('with RELAY_ADMIN_PORT, keeps the admin page and API off the app’s origin', async () => {
    world = await startWorld(await databases.url('sqlite'), { config: { appDir: APP, adminPort: 0 } });
    const { relay } = world;
    expect(relay.adminUrl).not.toBe(relay.url);
    expect((await fetch(`${relay.url}/admin/`)).status).toBe(404);
    expect((await admin(relay, '/devices')).status).toBe(404);
    expect((await fetch(`${relay.adminUrl}/admin/`)).status).toBe(200);
    expect((await admin({ url: relay.adminUrl }, '/devices')).status).toBe(200);
    expect((await fetch(`${relay.adminUrl}/api/v2/relay`)).status).toBe(404);
  });

  it('keeps the SQLite file and its folder readable by the relay’s user only', async () => {
    const database = await databases.url('sqlite');
    world = await startWorld(database);
    if (database.kind !== 'sqlite') throw new Error('sqlite expected');
    expect(statSync(database.path).mode & 0o777).toBe(0o600);
    // The folder is made by the test (mkdtemp, 0700 too); a folder the relay makes is checked in process.test.ts.
    expect(statSync(dirname(database.path)).mode & 0o077).toBe(0);
  });
});

describe('the audit trail', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('logs sign-in failures, codes, connections, revocations and throttling, with the address from a trusted proxy', async () => {
    world = await startWorld(await databases.url('sqlite'), { config: { trustProxy: ['127.0.0.1'] } });
    const { relay } = world;
    const via = (address: string) => ({ 'X-Forwarded-For': `198.51.100.1, ${address}` });
    await fetch(`${relay.url}/admin/api/devices`, {
      headers: { Authorization: 'Bearer guess', ...via('203.0.113.9') },
    });
    const created = await admin(relay, '/enrolments', {
      method: 'POST',
      body: JSON.stringify({ name: 'Ward 3 iPad' }),
      headers: via('203.0.113.10'),
    });
    const { code, id } = (await created.json()) as { code: string; id: string };
    const connected = await fetch(`${relay.url}/api/v2/devices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...via('203.0.113.11') },
      body: JSON.stringify({ code, name: 'iPad' }),
    });
    const { deviceId, token } = (await connected.json()) as { deviceId: string; token: string };
    expect((await postStory(relay, token)).status).toBe(201);
    await admin(relay, `/devices/${deviceId}/revoke`, { method: 'POST', headers: via('203.0.113.10') });
    for (let i = 0; i < 11; i++) {
      await fetch(`${relay.url}/api/v2/devices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...via('203.0.113.12') },
        body: JSON.stringify({ code: 'WRONG-CODE-00' }),
      });
    }

    expect(events(relay, 'admin-sign-in-failed')).toEqual([
      expect.objectContaining({ address: '203.0.113.9', time: expect.any(Number) }),
    ]);
    expect(events(relay, 'enrolment-code-created')).toEqual([
      expect.objectContaining({ address: '203.0.113.10', enrolmentId: id }),
    ]);
    expect(events(relay, 'device-connected')).toEqual([
      expect.objectContaining({ address: '203.0.113.11', deviceId, enrolmentId: id }),
    ]);
    expect(events(relay, 'device-revoked')).toEqual([
      expect.objectContaining({ address: '203.0.113.10', deviceId }),
    ]);
    expect(events(relay, 'enrolment-codes-throttled')).toEqual([
      expect.objectContaining({ address: '203.0.113.12', level: 40 }),
    ]);
    const storyLine = lines(relay).find(
      (line) => line.msg === 'request' && line.route === '/api/v2/opinions',
    );
    expect(storyLine).toMatchObject({ deviceId, status: 201 });
    const all = relay.logs.join('\n');
    for (const secret of [code, token, ADMIN, 'WRONG-CODE-00']) expect(all).not.toContain(secret);
  });

  it('trusts X-Forwarded-For only from RELAY_TRUST_PROXY', async () => {
    world = await startWorld(await databases.url('sqlite'));
    await fetch(`${world.relay.url}/admin/api/devices`, {
      headers: { Authorization: 'Bearer guess', 'X-Forwarded-For': '203.0.113.9' },
    });
    expect(events(world.relay, 'admin-sign-in-failed')).toEqual([
      expect.objectContaining({ address: '127.0.0.1' }),
    ]);
  });

  it('checks the Care Opinion key at start, logging a refusal at error', async () => {
    world = await startWorld(await databases.url('sqlite'), {
      config: { upstreamKey: 'not-the-key' },
      start: { schedule: true },
    });
    const { relay } = world;
    const refused = await waitFor(
      async () => events(relay, 'upstream-key-refused'),
      (found) => found.some((line) => line.during === 'key-check'),
    );
    expect(refused.find((line) => line.during === 'key-check')).toMatchObject({
      level: 50,
      msg: 'Care Opinion did not accept the key (CARE_OPINION_KEY)',
    });
  });

  it('logs a refused Care Opinion key at error, at the check and on a story', async () => {
    world = await startWorld(await databases.url('sqlite'), { config: { upstreamKey: 'not-the-key' } });
    const { relay } = world;
    expect((await status(relay)).upstream.key).toBe('refused');
    const { token } = await enrol(relay);
    expect((await postStory(relay, token)).status).toBe(502);
    expect(events(relay, 'upstream-key-refused')).toEqual([
      expect.objectContaining({ level: 50, during: 'admin-status', upstreamStatus: 302 }), // the sandbox's sign-in page,
      expect.objectContaining({ level: 50, during: 'story', upstreamStatus: 302 }),
    ]);
    const metrics = await (await fetch(`${relay.url}/metrics`)).text();
    expect(metrics).toContain('relay_upstream_key_state{state="refused"} 1');
    expect(metrics).toContain('relay_stories_total{outcome="upstream-refused-key"} 1');
  });
});
