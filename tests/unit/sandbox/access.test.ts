// The key check (a 302 to an HTML login page, as the real API does), CORS on every answer with
// the preflight before the key check, and the per-key rate limit with Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../sandbox/server.ts';
import { apiHeaders, getApi, KEY, postStory, setFaults, startTestSandbox, validStory } from './helpers.ts';

const ORIGIN = 'http://localhost:5173';
let server: SandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectCors(res: Response, origin = ORIGIN): void {
  expect(res.headers.get('access-control-allow-origin')).toBe(origin);
  expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
  expect(res.headers.get('access-control-expose-headers')).toContain('X-Total-Count');
  expect(res.headers.get('vary')).toContain('Origin');
}

describe('the key check', () => {
  it.each([
    ['no key', { Origin: ORIGIN }],
    ['a wrong key', { Origin: ORIGIN, Authorization: 'SUBSCRIPTION_KEY not-the-key' }],
    ['the wrong scheme', { Origin: ORIGIN, Authorization: `Bearer ${KEY}` }],
  ])('redirects %s to an HTML login page, with CORS headers on the redirect', async (_, headers) => {
    server = await startTestSandbox();
    const res = await getApi(server, '/healthservices', headers);
    expect(res.status).toBe(302);
    expectCors(res);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(/^\/__sandbox\/login\?returnUrl=/);
    const page = await fetch(new URL(location, server.origin));
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('Sign in to Care Opinion');
  });

  it('redirects a story sent with a wrong key and stores nothing', async () => {
    server = await startTestSandbox();
    const res = await postStory(server, validStory(), {
      headers: { Authorization: 'SUBSCRIPTION_KEY nope' },
    });
    expect(res.status).toBe(302);
    const received = await fetch(`${server.origin}/__sandbox/received`);
    expect(await received.json()).toEqual([]);
  });

  it('accepts the key given in the options, and SANDBOX_KEY or sandbox-key by default', async () => {
    server = await startTestSandbox({ key: 'other' });
    const res = await getApi(server, '/healthservices', { Authorization: 'SUBSCRIPTION_KEY other' });
    expect(res.status).toBe(200);
    await server.close();
    const saved = process.env.SANDBOX_KEY;
    delete process.env.SANDBOX_KEY;
    server = await startTestSandbox({ key: undefined });
    process.env.SANDBOX_KEY = saved;
    if (saved === undefined) delete process.env.SANDBOX_KEY;
    const ok = await getApi(server, '/healthservices', { Authorization: 'SUBSCRIPTION_KEY sandbox-key' });
    expect(ok.status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers the preflight before any key check, naming the headers explicitly', async () => {
    server = await startTestSandbox();
    const res = await fetch(`${server.url}/opinions`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, idempotency-key, content-type',
      },
    });
    expect(res.status).toBe(204);
    expectCors(res);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Idempotency-Key, Content-Type, Accept',
    );
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('answers * when a request has no Origin', async () => {
    server = await startTestSandbox();
    const res = await getApi(server, '/healthservices');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('puts the headers on 2xx, 4xx, 5xx and control answers too', async () => {
    server = await startTestSandbox();
    const headers = apiHeaders({ Origin: ORIGIN });
    expectCors(await getApi(server, '/healthservices', headers));
    expectCors(await getApi(server, '/healthservices?take=500', headers));
    expectCors(await getApi(server, '/healthservices/NOPE', headers));
    expectCors(
      await postStory(server, validStory(), { headers: { Origin: ORIGIN, 'Idempotency-Key': 'x' } }),
    );
    await setFaults(server, { error5xx: 1, seed: 1 });
    const failed = await getApi(server, '/healthservices', headers);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expectCors(failed);
    expectCors(await fetch(`${server.origin}/__sandbox/received`, { headers: { Origin: ORIGIN } }));
  });
});

describe('the rate limit', () => {
  it('allows `rate` requests a second per key, then 429 with Retry-After and CORS', async () => {
    let now = 1_000_000;
    server = await startTestSandbox({ rate: 5, now: () => now });
    const headers = apiHeaders({ Origin: ORIGIN });
    for (let i = 0; i < 5; i++) expect((await getApi(server, '/healthservices', headers)).status).toBe(200);
    const refused = await getApi(server, '/healthservices', headers);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toEqual({ error: expect.any(String) });
    expectCors(refused);
    now += 1000;
    expect((await getApi(server, '/healthservices', headers)).status).toBe(200);
  });

  it('never limits the controls', async () => {
    server = await startTestSandbox({ rate: 1, now: () => 0 });
    for (let i = 0; i < 5; i++) expect((await fetch(`${server.origin}/__sandbox/stats`)).status).toBe(200);
  });

  it('adds seeded extra 429s when the rate429 fault is on', async () => {
    server = await startTestSandbox();
    await setFaults(server, { rate429: 1 });
    const res = await getApi(server, '/healthservices');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
