// Issue 27, the posting desk's HTTP contract, on SQLite and Postgres with an injected clock: the
// lead's desk key (public only to devices, 409 unless replaced with a confirmation), a sealed story
// stored once per Idempotency-Key (201, 200 replay, 422 another body or a changed key, 413 over
// 1 MiB), its state back to its own device only, withdrawn or posted (the app's story-address
// rule, a receipt, the ciphertext gone), flagged after 30 days, no plaintext anywhere, and a
// revoked device's desk calls answered 401.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningRelay } from '../../../relay/server.ts';
import { KINDS, useDatabases } from './databases.ts';
import {
  deskStatus,
  markPosted,
  newDeskKey,
  sealText,
  sendToDesk,
  setDeskKey,
  waitingAtDesk,
  withdraw,
} from './deskHelpers.ts';
import {
  admin,
  enrol,
  enrolNamed,
  getApi,
  postStory,
  startWorld,
  validStory,
  type World,
} from './harness.ts';

const databases = useDatabases();
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-12-07T12:00:00.000Z');

/** Every row of every table, as one text. */
async function everyRow(relay: RunningRelay): Promise<string> {
  const { db } = relay.services.store;
  const tables = await db.introspection.getTables();
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['desk_key', 'desk_stories']));
  const rows = await Promise.all(
    tables.map(({ name }) => sql`select * from ${sql.table(name)}`.execute(db).then((r) => r.rows)),
  );
  return JSON.stringify(rows);
}

describe.each(KINDS)('the posting desk on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('keeps one desk key: 201, the same back to the lead, the public half to devices, 409 unless replaced', async () => {
    world = await startWorld(await databases.url(kind), { start: { now: () => T0 } });
    const { token } = await enrol(world.relay);
    expect([(await getApi(world.relay, token, '/desk/key')).status]).toEqual([404]);
    expect(await (await getApi(world.relay, token, '/desk/key')).json()).toEqual({ error: 'no-desk' });
    expect((await admin(world.relay, '/desk/key')).status).toBe(404);

    const first = await newDeskKey();
    const { x, y } = first.body.jwk as { x: string; y: string };
    const jwk = { kty: 'EC', crv: 'P-256', x, y };
    const made = await setDeskKey(world.relay, first.body);
    expect([made.status, await made.json()]).toEqual([
      201,
      { kid: first.body.kid, replacedKid: null, waitingOnOldKey: 0 },
    ]);
    const lead = await admin(world.relay, '/desk/key');
    // With the relay's region: the desk page's "Open Care Opinion" is the region's own site.
    expect(await lead.json()).toEqual({
      kid: first.body.kid,
      jwk,
      wrapped: first.body.wrapped,
      region: 'uk',
    });
    const device = await getApi(world.relay, token, '/desk/key');
    expect([device.status, await device.json()]).toEqual([200, { kid: first.body.kid, jwk }]);

    const second = await newDeskKey();
    const refused = await setDeskKey(world.relay, second.body);
    expect([refused.status, await refused.json()]).toEqual([
      409,
      { error: 'desk-key-exists', confirm: 'confirmed' },
    ]);
    // A story sealed to the first key waits; replacing the key says so, and it stays listed.
    const sent = await sendToDesk(world.relay, token, { kid: first.body.kid, sealed: await sealText('x') });
    expect(sent.status).toBe(201);
    const replaced = await setDeskKey(world.relay, second.body, '?replace=confirmed');
    expect([replaced.status, await replaced.json()]).toEqual([
      200,
      { kid: second.body.kid, replacedKid: first.body.kid, waitingOnOldKey: 1 },
    ]);
    expect((await waitingAtDesk(world.relay)).map((s) => s.kid)).toEqual([first.body.kid]);
    expect(((await (await getApi(world.relay, token, '/desk/key')).json()) as { kid: string }).kid).toBe(
      second.body.kid,
    );

    const audit = world.relay.logs
      .filter((l) => l.includes('"event":"desk-key-set"'))
      .map((l) => JSON.parse(l));
    expect(audit).toEqual([
      expect.objectContaining({ kid: first.body.kid, replacedKid: null }),
      expect.objectContaining({ kid: second.body.kid, replacedKid: first.body.kid, waitingOnOldKey: 1 }),
    ]);
    const logged = world.relay.logs.join('\n');
    for (const secret of [first.body.wrapped, second.body.wrapped] as { ciphertext: string }[])
      expect(logged).not.toContain(secret.ciphertext);
  });

  it('refuses a private key, a bad kid, a point off the curve, an oversized wrapped key (422) and no admin token (401)', async () => {
    world = await startWorld(await databases.url(kind));
    const { body, privateJwk } = await newDeskKey();
    const answer = async (given: unknown) => {
      const res = await setDeskKey(world?.relay as RunningRelay, given);
      return [res.status, await res.json()];
    };
    expect(await answer({ ...body, jwk: privateJwk })).toEqual([422, { error: 'private-key' }]);
    expect((await answer({ ...body, kid: 'not a kid' }))[0]).toBe(422);
    expect((await answer({ ...body, kid: 'k'.repeat(65) }))[0]).toBe(422);
    expect(await answer({ ...body, jwk: { ...body.jwk, x: body.jwk.y as string } })).toEqual([
      422,
      { error: 'jwk-invalid' },
    ]);
    expect((await answer({ ...body, wrapped: 'w'.repeat(3 * 1024 + 1) }))[0]).toBe(422);
    expect((await answer({ ...body, wrapped: 'has spaces' }))[0]).toBe(422);
    expect((await answer({ ...body, extra: 1 }))[0]).toBe(422);
    const noToken = await fetch(`${world.relay.url}/admin/api/desk/key`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(noToken.status).toBe(401);
    expect((await admin(world.relay, '/desk/key')).status).toBe(404); // nothing refused was kept
    expect(await answer({ ...body, wrapped: 'd3JhcHBlZA' })).toEqual([
      201,
      { kid: body.kid, replacedKid: null, waitingOnOldKey: 0 },
    ]);
  });

  it('stores a sealed story once per key: 201, 200 replay, 422 another body or a changed kid, 413 over 1 MiB', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    const story = { kid: 'no-desk-yet', sealed: await sealText('a story') };
    expect(await (await sendToDesk(world.relay, token, story, key)).json()).toEqual({ error: 'no-desk' });
    const { body } = await newDeskKey();
    await setDeskKey(world.relay, body);
    const sealed = { kid: body.kid, sealed: story.sealed };

    const first = await sendToDesk(world.relay, token, sealed, key);
    const { id } = (await first.json()) as { id: string };
    expect([first.status, typeof id]).toEqual([201, 'string']);
    const again = await sendToDesk(world.relay, token, { sealed: sealed.sealed, kid: sealed.kid }, key);
    expect([again.status, await again.json()]).toEqual([200, { id }]);
    const other = await sendToDesk(world.relay, token, { ...sealed, sealed: await sealText('b') }, key);
    expect([other.status, await other.json()]).toEqual([422, { error: 'key-reused' }]);
    const changed = await sendToDesk(world.relay, token, { ...sealed, kid: 'an-old-desk-key' });
    expect([changed.status, await changed.json()]).toEqual([422, { error: 'desk-key-changed' }]);

    // Strict: the header, the body's shape, base64url, JSON.
    const noKey = await fetch(`${world.relay.url}/api/v2/desk/stories`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(sealed),
    });
    expect(noKey.status).toBe(400);
    const unknown = await sendToDesk(world.relay, token, { ...sealed, title: 'Kind staff' });
    expect([unknown.status, await unknown.json()]).toEqual([
      422,
      { errors: [{ field: 'title', message: 'Unknown field' }] },
    ]);
    expect((await sendToDesk(world.relay, token, { ...sealed, sealed: 'not base64url!' })).status).toBe(422);
    expect((await sendToDesk(world.relay, token, { kid: body.kid })).status).toBe(422);
    expect((await sendToDesk(world.relay, token, '{"kid":')).status).toBe(400);

    // An /opinions key and a desk key that happen to be equal never meet.
    const shared = randomUUID();
    expect((await postStory(world.relay, token, validStory(), shared)).status).toBe(201);
    expect((await sendToDesk(world.relay, token, sealed, shared)).status).toBe(201);
    expect((await waitingAtDesk(world.relay)).length).toBe(2);

    // The limit, last (the relay closes the connection after a 413): exactly 1 MiB is read; a
    // byte more is 413 before it is read.
    const MIB = 1024 * 1024;
    const fill = (n: number) => ({
      kid: body.kid,
      sealed: 'A'.repeat(n - JSON.stringify({ kid: body.kid, sealed: '' }).length),
    });
    expect((await sendToDesk(world.relay, token, fill(MIB))).status).toBe(201);
    const over = await sendToDesk(world.relay, token, fill(MIB + 1));
    expect([over.status, await over.json()]).toEqual([413, { error: 'body-too-large', limit: MIB }]);
  });

  it('tells each device only its own stories; posted flows back with the number; withdrawn leaves the desk', async () => {
    let clock = T0;
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const ward = await enrolNamed(world, 'Ward 3 iPad');
    const hall = await enrolNamed(world, 'Church hall iPad');
    const { body } = await newDeskKey();
    await setDeskKey(world.relay, body);
    const [postedKey, withdrawnKey, neverKey] = [randomUUID(), randomUUID(), randomUUID()];
    const send = async (token: string, key: string) => {
      const res = await sendToDesk(
        world?.relay as RunningRelay,
        token,
        { kid: body.kid, sealed: await sealText(key) },
        key,
      );
      return ((await res.json()) as { id: string }).id;
    };
    const postedId = await send(ward.token, postedKey);
    clock += 60_000;
    const withdrawnId = await send(ward.token, withdrawnKey);
    const status = async (token: string, keys: string[]) =>
      (await deskStatus(world?.relay as RunningRelay, token, keys)).json();

    expect(await status(ward.token, [postedKey, withdrawnKey, neverKey])).toEqual([
      { key: postedKey, state: 'waiting' },
      { key: withdrawnKey, state: 'waiting' },
      { key: neverKey, state: 'unknown' },
    ]);
    // Another device learns nothing of them and can change nothing.
    expect(await status(hall.token, [postedKey, withdrawnKey])).toEqual([
      { key: postedKey, state: 'unknown' },
      { key: withdrawnKey, state: 'unknown' },
    ]);
    const stranger = await withdraw(world.relay, hall.token, withdrawnKey);
    expect([stranger.status, await stranger.json()]).toEqual([404, { error: 'unknown-story' }]);
    const listed = await waitingAtDesk(world.relay);
    expect(listed.map((s) => [s.id, s.device, s.receivedAt])).toEqual([
      [postedId, { id: ward.deviceId, name: 'Ward 3 iPad' }, new Date(T0).toISOString()],
      [withdrawnId, { id: ward.deviceId, name: 'Ward 3 iPad' }, new Date(T0 + 60_000).toISOString()],
    ]);

    // Withdrawn on the iPad: 204 (again 204), gone from the desk, its ciphertext deleted.
    expect((await withdraw(world.relay, ward.token, withdrawnKey)).status).toBe(204);
    expect((await withdraw(world.relay, ward.token, withdrawnKey)).status).toBe(204);
    expect((await waitingAtDesk(world.relay)).map((s) => s.id)).toEqual([postedId]);
    const withdrawals = world.relay.logs.filter((l) => l.includes('"event":"desk-story-withdrawn"'));
    expect(withdrawals.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ deviceId: ward.deviceId, storyId: withdrawnId }),
    ]); // once: the second DELETE changed nothing
    const { db } = world.relay.services.store;
    const row = await db
      .selectFrom('desk_stories')
      .selectAll()
      .where('id', '=', withdrawnId)
      .executeTakeFirst();
    expect([row?.state, row?.sealed]).toEqual(['withdrawn', null]);
    expect(await (await markPosted(world.relay, withdrawnId, '1234567')).json()).toEqual({
      error: 'withdrawn',
    });

    // Posted at the desk: only a Care Opinion story address or number; then a receipt.
    for (const [address, problem] of [
      ['', 'empty'],
      ['https://example.org/1234567', 'notCareOpinion'],
      ['https://www.careopinion.org.uk/services/rx1', 'notAStory'],
      ['Posted it', 'notANumber'],
    ]) {
      const refused = await markPosted(world.relay, postedId, address as string);
      expect([refused.status, await refused.json()]).toEqual([
        422,
        { error: 'story-address-refused', problem },
      ]);
    }
    clock += DAY;
    const posted = await markPosted(
      world.relay,
      postedId,
      'https://www.careopinion.org.uk/opinions/1234567/kind-staff',
    );
    expect([posted.status, await posted.json()]).toEqual([
      200,
      {
        id: postedId,
        storyNumber: '1234567',
        postedAt: new Date(clock).toISOString(),
        postedBy: 'admin-token',
        postedFrom: '127.0.0.1',
        deviceId: ward.deviceId,
      },
    ]);
    const twice = await markPosted(world.relay, postedId, '1234567');
    expect([twice.status, await twice.json()]).toEqual([409, { error: 'already-posted' }]);
    expect((await markPosted(world.relay, randomUUID(), '1234567')).status).toBe(404);
    expect(await waitingAtDesk(world.relay)).toEqual([]);
    expect(await status(ward.token, [postedKey, withdrawnKey])).toEqual([
      { key: postedKey, state: 'posted', storyNumber: '1234567' },
      { key: withdrawnKey, state: 'withdrawn' },
    ]);
    const late = await withdraw(world.relay, ward.token, postedKey);
    expect([late.status, await late.json()]).toEqual([409, { error: 'already-posted' }]);

    // The status query: UUIDs only, at most 100.
    expect((await deskStatus(world.relay, ward.token, ['not-a-key'])).status).toBe(400);
    expect((await deskStatus(world.relay, ward.token, [])).status).toBe(400);
    const many = Array.from({ length: 101 }, () => randomUUID());
    expect(await (await deskStatus(world.relay, ward.token, many)).json()).toEqual({
      error: 'too-many-keys',
      max: 100,
    });
    expect(await (await deskStatus(world.relay, ward.token, many.slice(1))).json()).toHaveLength(100);
  });

  it('flags stories waiting over 30 days on the desk and in the fleet row, on the relay clock', async () => {
    let clock = T0;
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const ward = await enrolNamed(world, 'Ward 3 iPad');
    await enrolNamed(world, 'Church hall iPad');
    const { body } = await newDeskKey();
    await setDeskKey(world.relay, body);
    await sendToDesk(world.relay, ward.token, { kid: body.kid, sealed: await sealText('old') });
    clock = T0 + 2 * DAY;
    await sendToDesk(world.relay, ward.token, { kid: body.kid, sealed: await sealText('new') });
    clock = T0 + 30 * DAY;
    expect((await waitingAtDesk(world.relay)).map((s) => s.overdue)).toEqual([false, false]);
    clock = T0 + 30 * DAY + 1;
    expect((await waitingAtDesk(world.relay)).map((s) => s.overdue)).toEqual([true, false]);
    const devices = (await (await admin(world.relay, '/devices')).json()) as Record<string, unknown>[];
    const rows = Object.fromEntries(
      devices.map((d) => [d.name, [d.deskWaiting, d.deskOldestAt, d.deskOverdue]]),
    );
    expect(rows).toEqual({
      'Ward 3 iPad': [2, new Date(T0).toISOString(), 1],
      'Church hall iPad': [0, null, 0],
    });
  });

  it('holds no plaintext in any table or log: a real AES-GCM ciphertext, then only a receipt', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const { body } = await newDeskKey();
    await setDeskKey(world.relay, body);
    const story = {
      ...validStory(),
      body: 'The night nurse on the children’s ward sat with us until morning',
      author: { ...validStory().author, email: 'desk.person@example.org', postcode: 'LS1 4DY' },
    };
    const personal = [story.body, 'children’s ward sat', 'desk.person@example.org', 'LS1 4DY', 'LS14DY'];
    const sealed = await sealText(JSON.stringify(story));
    const res = await sendToDesk(world.relay, token, { kid: body.kid, sealed });
    const { id } = (await res.json()) as { id: string };
    const waiting = await everyRow(world.relay);
    expect(waiting).toContain(sealed); // the ciphertext is there, waiting …
    for (const text of personal) expect(waiting).not.toContain(text); // … and nothing readable
    const address = 'https://www.careopinion.org.uk/opinions/7654321/the-night-nurse';
    expect((await markPosted(world.relay, id, address)).status).toBe(200);
    const after = await everyRow(world.relay);
    expect(after).not.toContain(sealed.slice(0, 64)); // posted: the ciphertext is deleted
    expect(after).toContain('7654321');
    expect(after).toContain(deviceId);
    const logged = world.relay.logs.join('\n');
    for (const text of [...personal, sealed.slice(0, 64), 'careopinion.org.uk', 'the-night-nurse'])
      expect(logged).not.toContain(text);
    expect(logged).toContain('"storyNumber":"7654321"'); // the number only
  });

  it('lets an iPad on another origin withdraw: the preflight allows DELETE', async () => {
    world = await startWorld(await databases.url(kind));
    const res = await fetch(`${world.relay.url}/api/v2/desk/stories/${randomUUID()}`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://stories.example.nhs.uk',
        'Access-Control-Request-Method': 'DELETE',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')?.split(',')).toContain('DELETE');
  });

  it('answers a revoked device 401 on every desk route', async () => {
    world = await startWorld(await databases.url(kind));
    const { deviceId, token } = await enrol(world.relay);
    const { body } = await newDeskKey();
    await setDeskKey(world.relay, body);
    const key = randomUUID();
    expect(
      (await sendToDesk(world.relay, token, { kid: body.kid, sealed: await sealText('s') }, key)).status,
    ).toBe(201);
    await admin(world.relay, `/devices/${deviceId}/revoke`, { method: 'POST' });
    const answers = [
      await getApi(world.relay, token, '/desk/key'),
      await sendToDesk(world.relay, token, { kid: body.kid, sealed: await sealText('t') }),
      await deskStatus(world.relay, token, [key]),
      await withdraw(world.relay, token, key),
    ];
    for (const res of answers)
      expect([res.status, await res.json()]).toEqual([401, { error: 'device-revoked' }]);
    expect((await waitingAtDesk(world.relay)).length).toBe(1); // the withdrawal did not happen
  });
});
