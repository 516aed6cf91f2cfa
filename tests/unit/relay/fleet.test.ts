// Issue 26, the fleet, on SQLite and Postgres: an iPad's status report (numbers only, strict, the
// latest kept), the admin list with each device's report and warnings, riskiest first, on the
// relay's injected clock, and the fleet's metrics.
import { afterEach, describe, expect, it } from 'vitest';
import { KINDS, useDatabases } from './databases.ts';
import { metric, reportStatus, statusBody } from './fleetHelpers.ts';
import { admin, enrol, enrolNamed, startWorld, type World } from './harness.ts';

const databases = useDatabases();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-12-07T12:00:00.000Z');

type Listed = { deviceId: string; name: string; warnings: string[] } & Record<string, unknown>;

describe.each(KINDS)('the fleet on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('takes a status report (204), keeps the latest, and never logs it', async () => {
    world = await startWorld(await databases.url(kind), { start: { now: () => T0 } });
    const { deviceId, token } = await enrol(world.relay);
    const before = await (await admin(world.relay, '/devices')).json();
    expect(before).toEqual([
      expect.objectContaining({
        deviceId,
        waiting: null,
        oldestWaitingAt: null,
        appVersion: null,
        storage: null,
      }),
    ]);
    const first = statusBody({ waiting: 3, oldestWaitingAt: '2026-12-06T09:30:00+01:00' });
    expect((await reportStatus(world.relay, token, first)).status).toBe(204);
    const latest = statusBody({
      waiting: 2,
      needsAttention: 1,
      readyToPost: 4,
      drafts: 5,
      oldestWaitingAt: '2026-12-06T10:00:00+01:00',
      appVersion: '2026.12.8',
      storage: { persisted: false, usedBytes: 5_000_000_000, quotaBytes: 9_000_000_000 },
    });
    const res = await reportStatus(world.relay, token, latest);
    expect([res.status, await res.text()]).toEqual([204, '']);
    const [device] = (await (await admin(world.relay, '/devices')).json()) as Listed[];
    expect(device).toEqual(
      expect.objectContaining({
        ...latest, // oldestWaitingAt as sent, offset and all
        reportedAt: new Date(T0).toISOString(),
        lastSeenAt: new Date(T0).toISOString(),
        warnings: [],
      }),
    );
    const logged = world.relay.logs.join('\n');
    for (const word of ['2026.12.8', '2026-12-06T10:00', '5000000000', 'needsAttention'])
      expect(logged).not.toContain(word);
  });

  it('tells an iPad the id it is known by (its own, from the token alone); no token or a revoked one, 401', async () => {
    world = await startWorld(await databases.url(kind), { start: { now: () => T0 } });
    const ward = await enrolNamed(world, 'Ward 3 iPad');
    const hall = await enrolNamed(world, 'Church hall iPad');
    const me = (token?: string) =>
      fetch(
        `${world?.relay.url}/api/v2/devices/me`,
        token ? { headers: { Authorization: `Bearer ${token}` } } : {},
      );
    for (const device of [ward, hall]) {
      const res = await me(device.token);
      expect([res.status, await res.json()]).toEqual([200, { deviceId: device.deviceId }]);
    }
    expect((await me()).status).toBe(401);
    await admin(world.relay, `/devices/${ward.deviceId}/revoke`, { method: 'POST', body: '{}' });
    const revoked = await me(ward.token);
    expect([revoked.status, await revoked.json()]).toEqual([401, { error: 'device-revoked' }]);
  });

  it('refuses an unknown field (422, named), a bad count or version (422), bad JSON (400), no token (401)', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    const unknown = await reportStatus(world.relay, token, { ...statusBody(), title: 'Kind staff' });
    expect([unknown.status, await unknown.json()]).toEqual([
      422,
      { errors: [{ field: 'title', message: 'Unknown field' }] },
    ]);
    const nested = await reportStatus(world.relay, token, {
      ...statusBody(),
      storage: { ...statusBody().storage, services: ['Ward 7'] },
    });
    expect([nested.status, await nested.json()]).toEqual([
      422,
      { errors: [{ field: 'storage.services', message: 'Unknown field' }] },
    ]);
    for (const bad of [
      { waiting: -1 },
      { drafts: 1.5 },
      { appVersion: 'v 1 by Sam' },
      { oldestWaitingAt: 'Tuesday' },
    ]) {
      const res = await reportStatus(world.relay, token, { ...statusBody(), ...bad });
      const body = JSON.stringify(await res.json());
      expect(res.status).toBe(422);
      expect(body).not.toContain('Sam'); // the field's name, never what was sent
    }
    expect((await reportStatus(world.relay, token, '{"waiting": 1,')).status).toBe(400);
    const noToken = await reportStatus(world.relay, undefined, statusBody());
    expect([noToken.status, await noToken.json()]).toEqual([401, { error: 'device-unknown' }]);
    const devices = (await (await admin(world.relay, '/devices')).json()) as Listed[];
    expect(devices.map((d) => d.waiting)).toEqual([null]); // nothing refused was kept
  });

  it('lists devices riskiest first with their warnings, and counts the fleet in /metrics', async () => {
    let clock = T0 - 8 * DAY;
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const drawer = await enrolNamed(world, 'Drawer iPad'); // reports, then is not seen for 8 days
    await reportStatus(world.relay, drawer.token, statusBody({ appVersion: '2026.11.30' }));
    clock = T0;
    const stale = await enrolNamed(world, 'Stale iPad');
    const busy = await enrolNamed(world, 'Busy iPad');
    await enrolNamed(world, 'Quiet iPad'); // never reports
    const revoked = await enrolNamed(world, 'Revoked iPad');
    const ago = (ms: number) => new Date(T0 - ms).toISOString();
    await reportStatus(
      world.relay,
      stale.token,
      statusBody({ waiting: 2, oldestWaitingAt: ago(3 * DAY + 60_000) }),
    );
    await reportStatus(
      world.relay,
      busy.token,
      statusBody({ waiting: 5, needsAttention: 1, oldestWaitingAt: ago(DAY) }),
    );
    await reportStatus(world.relay, revoked.token, statusBody({ waiting: 1, oldestWaitingAt: ago(2 * DAY) }));
    await admin(world.relay, `/devices/${revoked.deviceId}/revoke`, { method: 'POST' });

    const list = (await (await admin(world.relay, '/devices')).json()) as Listed[];
    expect(list.map((d) => [d.name, d.warnings])).toEqual([
      ['Stale iPad', ['stories-waiting-over-3-days']],
      ['Drawer iPad', ['not-seen-for-7-days']],
      ['Busy iPad', []],
      ['Revoked iPad', []], // revoked: quiet is expected; its one story is held and listed
      ['Quiet iPad', []],
    ]);
    expect(await metric(world.relay, 'relay_fleet_stories_waiting')).toBe(8);
    expect(await metric(world.relay, 'relay_fleet_devices_stale_stories')).toBe(1);
    expect(await metric(world.relay, 'relay_fleet_app_versions', 'version="2026.12.7+a17a1c3"')).toBe(3);
    expect(await metric(world.relay, 'relay_fleet_app_versions', 'version="2026.11.30"')).toBe(1);

    // Time passes: the revoked iPad's story is now over 3 days old; the busy one's too, and it is unseen.
    clock = T0 + 6 * DAY + 1;
    const later = (await (await admin(world.relay, '/devices')).json()) as Listed[];
    expect(later.map((d) => [d.name, d.warnings])).toEqual([
      ['Busy iPad', ['stories-waiting-over-3-days']], // 6 held
      ['Stale iPad', ['stories-waiting-over-3-days']], // 2 held
      ['Revoked iPad', ['stories-waiting-over-3-days']], // 1 held, revoked: never "not seen"
      ['Drawer iPad', ['not-seen-for-7-days']],
      ['Quiet iPad', []],
    ]);
    expect(await metric(world.relay, 'relay_fleet_devices_stale_stories')).toBe(3);
    // A device that upgrades leaves its old version's count.
    await reportStatus(world.relay, drawer.token, statusBody({ appVersion: '2026.12.7+a17a1c3' }));
    expect(await metric(world.relay, 'relay_fleet_app_versions', 'version="2026.11.30"')).toBeUndefined();
    expect(await metric(world.relay, 'relay_fleet_app_versions', 'version="2026.12.7+a17a1c3"')).toBe(4);
  });
});
