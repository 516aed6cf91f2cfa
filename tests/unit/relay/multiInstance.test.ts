// Two relay instances on one Postgres, as behind a load balancer: they share devices, idempotency
// (a replay or a 409 from the other instance), the directory and the one upstream rate (on a
// made-up clock both share: the test reads the departure times the rate hands out).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { maxInAnySecond } from '../../bench/relay/upstream.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import {
  getControl,
  type Received,
  type SandboxStats,
  setFaults,
  startTestSandbox,
} from '../sandbox/helpers.ts';
import { useDatabases } from './databases.ts';
import {
  admin,
  enrol,
  getApi,
  postStory,
  type Relay,
  refreshed,
  startTestRelay,
  validStory,
  waitFor,
} from './harness.ts';
import { virtualClock } from './virtualClock.ts';

const databases = useDatabases();

describe('two relay instances on one Postgres', () => {
  let sandbox: SandboxServer | undefined;
  let relays: Relay[] = [];
  afterEach(async () => {
    await Promise.all(relays.map((relay) => relay.close()));
    relays = [];
    await sandbox?.close();
  });

  async function twoInstances(rate = 1000, services = 300): Promise<[Relay, Relay]> {
    sandbox = await startTestSandbox({ rate, services });
    const database = await databases.url('postgres');
    const a = await startTestRelay(sandbox.url, database, { upstreamRate: rate });
    const b = await startTestRelay(sandbox.url, database, { upstreamRate: rate });
    relays = [a, b];
    return [a, b];
  }

  it('share devices and their revocation', async () => {
    const [a, b] = await twoInstances();
    const { deviceId, token } = await enrol(a);
    expect((await getApi(b, token, '/healthservices')).status).toBe(200);
    await admin(b, `/devices/${deviceId}/revoke`, { method: 'POST' });
    expect(await (await getApi(a, token, '/healthservices')).json()).toEqual({ error: 'device-revoked' });
  });

  it('share idempotency: a key sent through one is replayed, or in flight, on the other', async () => {
    const [a, b] = await twoInstances();
    const { token } = await enrol(a);
    const key = randomUUID();
    await setFaults(sandbox!, { latencyMs: [400, 400], seed: 2 });
    const slow = postStory(a, token, validStory(), key);
    await waitFor(
      () => getControl<SandboxStats>(sandbox!, '/stats'),
      (s) => s.inProgress === 1,
    );
    expect((await postStory(b, token, validStory(), key)).status).toBe(409);
    const first = await (await slow).json();
    const replay = await postStory(b, token, validStory(), key);
    expect([replay.status, await replay.json()]).toEqual([200, first]);
    expect((await getControl<Received[]>(sandbox!, '/received')).length).toBe(1);
    const deliveries = await (await admin(b, '/deliveries?take=10')).json();
    expect(deliveries).toEqual([
      expect.objectContaining({ idempotencyKey: key, status: 201, careOpinionId: first.id }),
    ]);
  });

  it('share the directory one of them refreshed, with the same ETag', async () => {
    const [a, b] = await twoInstances();
    const { token } = await enrol(a);
    await refreshed(a);
    const fromA = await getApi(a, token, '/directory');
    const fromB = await getApi(b, token, '/directory');
    expect(fromB.headers.get('etag')).toBe(fromA.headers.get('etag'));
    expect(((await fromB.json()) as { count: number }).count).toBe(300);
    const busy = await admin(b, '/directory/refresh', { method: 'POST', body: '{}' });
    const other = await admin(a, '/directory/refresh', { method: 'POST', body: '{}' });
    expect([busy.status, other.status].sort()).toEqual([202, 409]); // one refresh at a time across instances
  });

  it('share one upstream rate: 5/s across both instances, departures at least 1/rate apart', async () => {
    sandbox = await startTestSandbox({ rate: 1000, services: 50 });
    const database = await databases.url('postgres');
    const clock = virtualClock();
    const departures: number[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      if (init?.method === 'POST') departures.push(clock.peek());
      return fetch(input, init);
    };
    const start = { rateClock: clock, fetch: recordingFetch };
    const a = await startTestRelay(sandbox.url, database, { upstreamRate: 5 }, start);
    const b = await startTestRelay(sandbox.url, database, { upstreamRate: 5 }, start);
    relays = [a, b];
    const { token } = await enrol(a);
    const answers = await clock.drive(
      Promise.all(Array.from({ length: 16 }, (_, i) => postStory(i % 2 === 0 ? a : b, token, validStory()))),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(16).fill(201));
    expect(departures).toHaveLength(16);
    departures.sort((x, y) => x - y);
    const gaps = departures.slice(1).map((t, i) => t - (departures[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200 + 5);
    expect(maxInAnySecond(departures)).toBeLessThanOrEqual(5);
    expect((await getControl<Received[]>(sandbox, '/received')).length).toBe(16);
  });
});
