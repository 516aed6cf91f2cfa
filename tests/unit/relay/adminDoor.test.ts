// The admin door (issue 22, row 3), over HTTP against a running relay: wrong admin tokens throttled
// per client address (as RELAY_TRUST_PROXY defines it) and in total, 429 with Retry-After, the right
// token held too while an address is throttled, each failure in the audit log; no CORS headers on
// the admin API. The token's least length is in startup.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_FAILURES_IN_TOTAL, ADMIN_FAILURES_PER_MINUTE } from '../../../relay/admin/throttle.ts';
import { useDatabases } from './databases.ts';
import { ADMIN, startWorld, type World } from './harness.ts';

const databases = useDatabases();

function adminFrom(world: World, address: string, token: string): Promise<Response> {
  return fetch(`${world.relay.url}/admin/api/devices`, {
    headers: { Authorization: `Bearer ${token}`, 'X-Forwarded-For': address },
  });
}

describe('the admin door', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it(`answers 429 with Retry-After after ${ADMIN_FAILURES_PER_MINUTE} wrong tokens a minute from one address, right token included, and logs each failure`, async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url('sqlite'), {
      config: { trustProxy: ['127.0.0.1'] },
      start: { now: () => clock },
    });
    for (let i = 0; i < ADMIN_FAILURES_PER_MINUTE; i++)
      expect((await adminFrom(world, '203.0.113.7', `wrong-${i}`)).status).toBe(401);
    const held = await adminFrom(world, '203.0.113.7', ADMIN);
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // another address is not held by this one's failures
    expect((await adminFrom(world, '198.51.100.2', ADMIN)).status).toBe(200);
    const failed = world.relay.logs
      .map((line) => JSON.parse(line) as { event?: string; address?: string })
      .filter((line) => line.event === 'admin-sign-in-failed');
    expect(failed).toHaveLength(ADMIN_FAILURES_PER_MINUTE);
    expect(failed.every((line) => line.address === '203.0.113.7')).toBe(true);
    clock += 60_000;
    expect((await adminFrom(world, '203.0.113.7', ADMIN)).status).toBe(200);
  });

  it(`caps failures in total (${ADMIN_FAILURES_IN_TOTAL} a minute from all addresses) for at most a minute, and never holds an address that signed in before`, async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url('sqlite'), {
      config: { trustProxy: ['127.0.0.1'] },
      start: { now: () => clock },
    });
    expect((await adminFrom(world, '192.0.2.1', ADMIN)).status).toBe(200); // the lead, earlier
    for (let i = 0; i < ADMIN_FAILURES_IN_TOTAL; i++)
      expect((await adminFrom(world, `10.1.${i >> 8}.${i & 255}`, 'wrong')).status).toBe(401);
    const held = await adminFrom(world, '10.2.0.1', 'wrong');
    expect(held.status).toBe(429);
    expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await adminFrom(world, '192.0.2.1', ADMIN)).status).toBe(200);
    clock += 60_000;
    expect((await adminFrom(world, '10.2.0.1', ADMIN)).status).toBe(200);
  });

  it('lets a lead from a new address in after its Retry-After while a flood from many addresses goes on', async () => {
    let clock = Date.now();
    world = await startWorld(await databases.url('sqlite'), {
      config: { trustProxy: ['127.0.0.1'] },
      start: { now: () => clock },
    });
    const flood = async (minute: number) => {
      for (let i = 0; i < ADMIN_FAILURES_IN_TOTAL; i++)
        await (await adminFrom(world as World, `10.${minute}.${i >> 8}.${i & 255}`, 'wrong')).body?.cancel();
    };
    await flood(1);
    const held = await adminFrom(world, '192.0.2.9', ADMIN); // never signed in from here
    expect(held.status).toBe(429);
    const wait = Number(held.headers.get('retry-after'));
    expect(wait).toBeLessThanOrEqual(60);
    clock += wait * 1000;
    await flood(2); // the flood fills the next minute's cap before the lead comes back
    expect((await adminFrom(world, '192.0.2.9', ADMIN)).status).toBe(200);
    // A flooding address gets its one try after the wait too, but no more: the cap still slows it.
    expect((await adminFrom(world, '10.3.0.1', 'wrong')).status).toBe(429);
  });

  it('sends no CORS headers from the admin API', async () => {
    world = await startWorld(await databases.url('sqlite'), { config: { appOrigins: undefined } });
    const origin = 'https://elsewhere.example';
    const preflight = await fetch(`${world.relay.url}/admin/api/devices`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    const answer = await fetch(`${world.relay.url}/admin/api/devices`, {
      headers: { Origin: origin, Authorization: `Bearer ${ADMIN}` },
    });
    expect(answer.status).toBe(200);
    for (const res of [preflight, answer])
      expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});
