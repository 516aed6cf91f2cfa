// POST /api/v2/opinions through the relay to the real sandbox, on SQLite and on Postgres: the
// organisation's key and the same Idempotency-Key upstream, replays after a restart, 409/422,
// key refusals and passing faults, and no story content kept or logged.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyHash } from '../../../relay/bodyHash.ts';
import { LEASE_MS, RENEW_EVERY_MS } from '../../../relay/idempotency.ts';
import {
  getControl,
  heldKeys,
  holdStories,
  type Received,
  type SandboxStats,
  setFaults,
} from '../sandbox/helpers.ts';
import { KINDS, useDatabases } from './databases.ts';
import {
  admin,
  dumpTables,
  enrol,
  postStory,
  startTestRelay,
  startWorld,
  validStory,
  type World,
  waitFor,
} from './harness.ts';

const databases = useDatabases();
const PERSONAL = [
  'rugbyfan33',
  'person@example.org',
  'NG5 1PB',
  'What happened',
  'Everyone listened',
  'Kind staff',
];

/**
 * The shared rate's clock on real time, with a gate: while held, a request that has to wait for
 * its slot waits until release() — so a test can act while a story is queued, and count it queued.
 */
function gatedRateClock() {
  let open = true;
  const waiting: (() => void)[] = [];
  return {
    now: Date.now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const go = () => void setTimeout(resolve, ms);
        if (open) go();
        else waiting.push(go);
      }),
    hold: () => {
      open = false;
    },
    release: () => {
      open = true;
      for (const go of waiting.splice(0)) go();
    },
    waiting: () => waiting.length,
  };
}

describe.each(KINDS)('story posts through the relay on %s', (kind) => {
  let world: World | undefined;
  afterEach(async () => {
    if (world) await holdStories(world.sandbox, 'release'); // a failed test must not leave the relay waiting
    await world?.close();
    world = undefined;
  });

  it('forwards with the organisation key and the same Idempotency-Key, keeping only the answer', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    const res = await postStory(world.relay, token, validStory(), key);
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { id: string; status: string };
    const received = await getControl<Received[]>(world.sandbox, '/received');
    expect(received).toEqual([
      expect.objectContaining({ id: answer.id, idempotencyKey: key, body: validStory() }),
    ]);
    const kept = await dumpTables(world.relay);
    expect(kept).toContain(answer.id);
    for (const text of [...PERSONAL, token]) expect(kept).not.toContain(text);
    for (const text of [...PERSONAL, token, 'test-key'])
      expect(world.relay.logs.join('')).not.toContain(text);
  });

  it('replays a completed key with 200 and the first answer, after a restart too, and never stores twice', async () => {
    const database = await databases.url(kind);
    world = await startWorld(database);
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    const first = (await (await postStory(world.relay, token, validStory(), key)).json()) as { id: string };
    await world.relay.close();
    world.relay = await startTestRelay(world.sandbox.url, database);
    const reordered = { ...validStory(), title: validStory().title }; // key order differs: still the same body
    const again = await postStory(world.relay, token, reordered, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(first);
    const stats = await getControl<SandboxStats>(world.sandbox, '/stats');
    expect(stats.stored).toBe(1);
    expect(stats.requests).not.toHaveProperty('200'); // the replay never reached upstream
  });

  it('refuses a reused key with another body (422) and a key in flight (409)', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    await holdStories(world.sandbox, 'hold');
    const slow = postStory(world.relay, token, validStory(), key);
    await waitFor(
      () => heldKeys(world!.sandbox),
      (held) => held.length === 1,
    );
    expect((await postStory(world.relay, token, validStory(), key)).status).toBe(409);
    await holdStories(world.sandbox, 'release');
    expect((await slow).status).toBe(201);
    const other = await postStory(world.relay, token, { ...validStory(), title: 'Another story' }, key);
    expect(other.status).toBe(422);
    expect(await other.json()).toEqual({ errors: [expect.objectContaining({ field: 'Idempotency-Key' })] });
  });

  it('does not forward a story whose device was revoked while it waited for the shared rate (401 device-revoked), and forwards the others with their key', async () => {
    const clock = gatedRateClock();
    world = await startWorld(await databases.url(kind), {
      config: { upstreamRate: 1 }, // one a second: the next story waits for its slot
      start: { rateClock: clock },
    });
    const kept = await enrol(world.relay);
    const revoked = await enrol(world.relay);
    expect((await postStory(world.relay, kept.token)).status).toBe(201); // takes this second's slot
    clock.hold();
    const waitingKey = randomUUID();
    const keptKey = randomUUID();
    const waiting = postStory(world.relay, revoked.token, validStory(), waitingKey);
    const keptWaiting = postStory(world.relay, kept.token, validStory(), keptKey);
    await waitFor(
      async () => clock.waiting(),
      (queued) => queued === 2,
    );
    const revoke = await admin(world.relay, `/devices/${revoked.deviceId}/revoke`, { method: 'POST' });
    expect(revoke.status).toBe(200);
    clock.release();
    const answer = await waiting;
    expect([answer.status, await answer.json()]).toEqual([401, { error: 'device-revoked' }]);
    expect((await keptWaiting).status).toBe(201);
    const received = await getControl<Received[]>(world.sandbox, '/received');
    expect(received.map((story) => story.idempotencyKey)).not.toContain(waitingKey);
    expect(received.map((story) => story.idempotencyKey)).toContain(keptKey); // unchanged
    expect(received).toHaveLength(2);
    const { db } = world.relay.services.store;
    const rows = await db.selectFrom('idempotency').select('key').where('key', '=', waitingKey).execute();
    expect(rows).toEqual([]); // the key is free: nothing was stored for it
    const events = world.relay.logs.map((line) => JSON.parse(line) as { event?: string; deviceId?: string });
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'story-not-sent', deviceId: revoked.deviceId }),
    );
  });

  it('checks the body with the app schema and names the field, forwarding nothing', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    const story = validStory();
    const res = await postStory(world.relay, token, {
      ...story,
      author: { ...story.author, postcode: 'nowhere' },
    });
    expect(res.status).toBe(422);
    const body = JSON.stringify(await res.json());
    expect(body).toContain('author.postcode');
    expect(body).not.toContain('nowhere');
    const bad = await fetch(`${world.relay.url}/api/v2/opinions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(story),
    });
    expect(bad.status).toBe(400); // no Idempotency-Key
    expect(await getControl<Received[]>(world.sandbox, '/received')).toEqual([]);
  });

  it('answers 502 upstream-key-refused when the organisation key is not accepted, and frees the key', async () => {
    world = await startWorld(await databases.url(kind), { config: { upstreamKey: 'wrong-key' } });
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    const res = await postStory(world.relay, token, validStory(), key);
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'upstream-key-refused' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await dumpTables(world.relay)).not.toContain(`"key":"${key}"`);
  });

  it.each([
    [{ error5xx: 1, seed: 3 }, 503],
    [{ rate429: 1, seed: 3 }, 429],
  ])(
    'turns upstream faults %j into %i with Retry-After, and a retry later succeeds',
    async (faults, status) => {
      world = await startWorld(await databases.url(kind));
      const { token } = await enrol(world.relay);
      const key = randomUUID();
      await setFaults(world.sandbox, faults);
      const res = await postStory(world.relay, token, validStory(), key);
      expect(res.status).toBe(status);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      await setFaults(world.sandbox, {});
      expect((await postStory(world.relay, token, validStory(), key)).status).toBe(201);
    },
  );

  it('renews the lease of a key while its request is still in flight, so no one takes it over', async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const { token } = await enrol(world.relay);
    const key = randomUUID();
    await holdStories(world.sandbox, 'hold');
    const slow = postStory(world.relay, token, validStory(), key);
    await waitFor(
      () => heldKeys(world!.sandbox),
      (held) => held.length === 1,
    );
    const { db } = world.relay.services.store;
    const leaseUntil = async () =>
      (
        await db
          .selectFrom('idempotency')
          .select('lease_until')
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).lease_until;
    const first = await leaseUntil();
    clock += LEASE_MS - 1000;
    await waitFor(leaseUntil, (until) => until > first, RENEW_EVERY_MS * 3); // the instance renewed it
    clock += 2000; // past the first lease, within the renewed one
    expect((await postStory(world.relay, token, validStory(), key)).status).toBe(409);
    await holdStories(world.sandbox, 'release');
    expect((await slow).status).toBe(201);
    expect((await getControl<SandboxStats>(world.sandbox, '/stats')).stored).toBe(1);
  });

  it('takes over a key whose instance died mid-request once its lease expires, without a duplicate', async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url(kind), { start: { now: () => clock } });
    const { token, deviceId } = await enrol(world.relay);
    const key = randomUUID();
    // The dead instance had claimed the key and its forward had reached upstream.
    const claim = await world.relay.services.idempotency.claim(key, deviceId, bodyHash(validStory()));
    expect(claim.kind).toBe('claimed');
    const upstream = await fetch(`${world.sandbox.url}/opinions`, {
      method: 'POST',
      headers: {
        Authorization: 'SUBSCRIPTION_KEY test-key',
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: JSON.stringify(validStory()),
    });
    const stored = (await upstream.json()) as { id: string };
    expect((await postStory(world.relay, token, validStory(), key)).status).toBe(409);
    clock += LEASE_MS + 1;
    const retry = await postStory(world.relay, token, validStory(), key);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(stored);
    expect((await getControl<SandboxStats>(world.sandbox, '/stats')).stored).toBe(1);
  });
});
