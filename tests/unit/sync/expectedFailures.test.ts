// Each catch in sync handles the failures it names (no network, a timeout, a cancel, a body that
// is not JSON, storage refusing a write) and passes anything else on to the one handler (issue 23).
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { fetchAppConfig } from '../../../src/sync/appConfig.ts';
import { type Client, createClient, type Fetch } from '../../../src/sync/client.ts';
import { testConnection } from '../../../src/sync/connection.ts';
import { refreshDirectory } from '../../../src/sync/directory/directory.ts';
import { createRateLimiter, type RateLimiter } from '../../../src/sync/rateLimiter.ts';
import { enrolDevice } from '../../../src/sync/relay/relay.ts';
import { leaseLock } from '../../../src/sync/send/runnerLock.ts';

const connection = { apiAddress: 'https://relay.example.org/api/v2', key: 'k-123' };
const offline: Fetch = async () => {
  throw new TypeError('Failed to fetch');
};
const buggy: Fetch = async () => {
  throw new RangeError('a bug of ours');
};
const json = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'application/json' } });
let n = 0;

describe('the client', () => {
  const clientWith = (fetch: Fetch, limiter: RateLimiter = createRateLimiter(1000)) =>
    createClient({ fetch, limiter, timeoutMs: 1000 });

  it('answers no network as a network error, and passes a bug on', async () => {
    expect(await clientWith(offline).request(connection, '/x')).toEqual({ kind: 'network-error' });
    await expect(clientWith(buggy).request(connection, '/x')).rejects.toThrow(RangeError);
  });

  it('answers a cancel while waiting its turn as cancelled, and passes a broken limiter on', async () => {
    const controller = new AbortController();
    const waiting: RateLimiter = {
      acquire: (signal) =>
        new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    };
    const pending = clientWith(offline, waiting).request(connection, '/x', { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
    const broken: RateLimiter = { acquire: async () => Promise.reject(new TypeError('not a function')) };
    await expect(clientWith(offline, broken).request(connection, '/x')).rejects.toThrow(TypeError);
  });
});

describe('the first-run set-up file', () => {
  it('is none when offline, timed out or not JSON, and a bug is passed on', async () => {
    expect(await fetchAppConfig(offline)).toBeNull();
    expect(
      await fetchAppConfig(async () => Promise.reject(new DOMException('timed out', 'TimeoutError'))),
    ).toBeNull();
    expect(await fetchAppConfig(async () => json('{not json'))).toBeNull();
    expect(await fetchAppConfig(async () => json('{"apiAddress":"https://a.example"}'))).toEqual({
      apiAddress: 'https://a.example',
    });
    await expect(fetchAppConfig(buggy)).rejects.toThrow(RangeError);
  });
});

describe('Test connection', () => {
  const unanswered: Client = { request: async () => ({ kind: 'network-error' }) };

  it('tells blocked from unreachable by a no-cors probe, and passes a bug in the probe on', async () => {
    expect(await testConnection(unanswered, async () => new Response(null), connection, 0)).toBe('blocked');
    expect(await testConnection(unanswered, offline, connection, 0)).toBe('unreachable');
    await expect(testConnection(unanswered, buggy, connection, 0)).rejects.toThrow(RangeError);
  });

  it('on an enrolled iPad asks the relay’s status route with its token, never the key route without one', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const relay: Fetch = async (url, init) => {
      seen.push({ url, auth: new Headers(init?.headers).get('Authorization') });
      const revoked = new Headers(init?.headers).get('Authorization') === 'Bearer revoked';
      return revoked
        ? json('{"error":"device-revoked"}', 401)
        : json('{"relay":1,"organisation":"City Hospital","upstream":"accepted"}');
    };
    const client = createClient({ fetch: relay, limiter: createRateLimiter(1000), timeoutMs: 1000 });
    const enrolled = { apiAddress: 'https://relay.example.org/api/v2', key: '', token: 'tok-1' };
    expect(await testConnection(client, relay, enrolled, 0)).toBe('relay-working');
    expect(await testConnection(client, relay, { ...enrolled, token: 'revoked' }, 0)).toBe('relay-revoked');
    expect(await testConnection(unanswered, offline, enrolled, 0)).toBe('relay-unreachable');
    expect(seen).toEqual([
      { url: 'https://relay.example.org/api/v2/relay/status', auth: 'Bearer tok-1' },
      { url: 'https://relay.example.org/api/v2/relay/status', auth: 'Bearer revoked' },
    ]);
  });
});

describe('enrolling with a relay', () => {
  const apiBase = 'https://relay.example.org/api/v2';

  it('says the relay cannot be reached when offline, and passes a bug on', async () => {
    expect(await enrolDevice(offline, apiBase, 'code', 'iPad')).toMatchObject({ ok: false });
    await expect(enrolDevice(buggy, apiBase, 'code', 'iPad')).rejects.toThrow(RangeError);
  });

  it('words a refusal whose body is not JSON from its status, and passes a bug reading it on', async () => {
    const html = async () => new Response('<html>', { status: 502 });
    expect(await enrolDevice(html, apiBase, 'code', 'iPad')).toMatchObject({ ok: false });
    const broken = async () =>
      ({ status: 201, json: () => Promise.reject(new RangeError('a bug of ours')) }) as unknown as Response;
    await expect(enrolDevice(broken, apiBase, 'code', 'iPad')).rejects.toThrow(RangeError);
  });
});

describe('the directory refresh', () => {
  const unanswered: Client = { request: async () => ({ kind: 'network-error' }) };
  const deps = (sleep: () => Promise<void>) => ({
    db: createDb(`expected-failures-${++n}`),
    client: unanswered,
    now: () => Date.parse('2026-11-28T10:00:00Z'),
    sleep,
    random: () => 0,
  });

  it('is cancelled when stopped while waiting to try again, and passes a broken sleep on', async () => {
    const controller = new AbortController();
    const stopped = deps(async () => {
      controller.abort();
      throw controller.signal.reason;
    });
    expect(
      await refreshDirectory(stopped, { connection, fullEveryDays: 7, signal: controller.signal }),
    ).toMatchObject({ ok: false, problem: 'cancelled' });
    const broken = deps(async () => {
      throw new TypeError('not a function');
    });
    await expect(refreshDirectory(broken, { connection, fullEveryDays: 7 })).rejects.toThrow(TypeError);
  });
});

describe('the queue lease', () => {
  const lockOver = (db: ReturnType<typeof createDb>) =>
    leaseLock(db, { owner: 'tab-1', now: () => 1_000, sleep: async () => undefined });

  it('lets a release that storage refuses go (the lease runs out), and passes a bug on', async () => {
    const closed = createDb(`lease-${++n}`);
    await expect(lockOver(closed).run(async () => closed.close())).resolves.toBeUndefined();

    const db = createDb(`lease-${++n}`);
    await expect(
      lockOver(db).run(async () => {
        (db as unknown as { transaction: () => Promise<never> }).transaction = () =>
          Promise.reject(new TypeError('a bug of ours'));
      }),
    ).rejects.toThrow(TypeError);
  });
});
