// The client core: the auth header, no redirects followed, timeouts, and answers as data.
import { describe, expect, it } from 'vitest';
import { createClient, type Fetch } from '../../../src/sync/client.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';

const connection = { apiAddress: 'https://relay.example.org/api/v2', key: 'k-123' };

function clientWith(fetch: Fetch, timeoutMs = 1000) {
  return createClient({ fetch, limiter: createRateLimiter(1000), timeoutMs });
}

describe('client', () => {
  it('sends the key in the Authorization header, never in the URL, and follows no redirect', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const client = clientWith(async (url, init) => {
      seen.push({ url, init });
      return new Response('[]', {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-total-count': '12' },
      });
    });
    const answer = await client.request(connection, '/healthservices?skip=0&take=100');
    expect(seen[0]?.url).toBe('https://relay.example.org/api/v2/healthservices?skip=0&take=100');
    expect(seen[0]?.url).not.toContain('k-123');
    expect(new Headers(seen[0]?.init?.headers).get('authorization')).toBe('SUBSCRIPTION_KEY k-123');
    expect(seen[0]?.init?.redirect).toBe('manual');
    expect(answer).toMatchObject({ kind: 'response', status: 200, json: [], totalCount: '12' });
  });

  it('connected to a relay, sends the device token as a bearer token and no subscription key', async () => {
    const seen: (RequestInit | undefined)[] = [];
    const client = clientWith(async (_url, init) => {
      seen.push(init);
      return new Response('[]', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await client.request(
      { apiAddress: connection.apiAddress, key: '', token: 'device-token-1' },
      '/healthservices',
    );
    expect(new Headers(seen[0]?.headers).get('authorization')).toBe('Bearer device-token-1');
  });

  it('reports an HTML answer without JSON, so it can never be taken as data', async () => {
    const client = clientWith(
      async () =>
        new Response('<html>Sign in</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    );
    const answer = await client.request(connection, '/healthservices');
    expect(answer).toMatchObject({ kind: 'response', status: 200, contentType: 'text/html' });
    expect(answer).not.toHaveProperty('json');
  });

  it('reports a redirect as it is', async () => {
    const client = clientWith(
      async () => new Response(null, { status: 302, headers: { location: '/login' } }),
    );
    expect(await client.request(connection, '/healthservices')).toMatchObject({
      kind: 'response',
      status: 302,
    });
  });

  it('gives up on a request with no answer after its timeout', async () => {
    const client = clientWith(
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
      50,
    );
    expect(await client.request(connection, '/healthservices')).toEqual({ kind: 'timeout' });
  });

  it('tells a network error and a cancel apart', async () => {
    const failing = clientWith(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await failing.request(connection, '/x')).toEqual({ kind: 'network-error' });
    const controller = new AbortController();
    const hanging = clientWith(
      (_u, init) =>
        new Promise((_r, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('x')))),
    );
    const pending = hanging.request(connection, '/x', { signal: controller.signal });
    controller.abort();
    expect(await pending).toEqual({ kind: 'cancelled' });
  });

  it('sends a JSON body with its content type, and extra headers', async () => {
    let init: RequestInit | undefined;
    const client = clientWith(async (_u, i) => {
      init = i;
      return new Response('{"id":"1"}', { status: 201, headers: { 'content-type': 'application/json' } });
    });
    await client.request(connection, '/opinions', {
      method: 'POST',
      body: { a: 1 },
      headers: { 'Idempotency-Key': 'abc' },
    });
    const headers = new Headers(init?.headers);
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('idempotency-key')).toBe('abc');
    expect(init?.body).toBe('{"a":1}');
  });
});
