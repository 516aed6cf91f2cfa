// Issue 22, row 12: one table of upstream answers. The relay reads Care Opinion's answers with the
// app's own rules (src/domain/send/answers.ts through relay/shared.ts), so a 2xx without a usable
// body is "may be stored" on both sides — asked again with the same key, else 503 with
// Retry-After — never 502 upstream-key-refused (which pauses every iPad for a key problem).
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as shared from '../../../relay/shared.ts';
import { createUpstream, MAYBE_STORED_TRIES, type UpstreamAnswer } from '../../../relay/upstream.ts';
import * as app from '../../../src/domain/send/answers.ts';
import { getControl, type Received, setFaults } from '../sandbox/helpers.ts';
import { KINDS, useDatabases } from './databases.ts';
import {
  dumpTables,
  enrol,
  postStory,
  type Relay,
  startTestRelay,
  startWorld,
  validStory,
  type World,
} from './harness.ts';

const free = { take: async () => ({ ok: true as const, waitedMs: 0 }) };

/** An upstream that answers every call with `answer()`, counting the calls. */
function fakeUpstream(answer: () => Response) {
  const calls: string[] = [];
  const upstream = createUpstream({
    base: 'https://care-opinion.test/api/v2',
    key: 'k',
    rate: free,
    fetch: (async (url: string | URL) => {
      calls.push(String(url));
      return answer();
    }) as typeof fetch,
  });
  return { upstream, calls };
}

const story = { method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: '{}' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** The app's verdict for the same answer, in the relay's three kinds. */
function appKind(response: () => Response, read: boolean): Promise<string> {
  const r = response();
  return r.text().then((text) => {
    const contentType = r.headers.get('content-type') ?? undefined;
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    const answer: app.Answer = {
      kind: 'response',
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      ...(contentType ? { contentType } : {}),
      ...(parsed !== undefined ? { json: parsed } : {}),
      ...(text && parsed === undefined && (!contentType || /json/.test(contentType))
        ? { bodyCutOff: true }
        : {}),
    };
    const verdict = read ? app.classifyReadAnswer(answer) : app.classifyAnswer(answer);
    const kinds: Record<string, string> = {
      sent: 'json',
      data: 'json',
      'needs-attention': 'json',
      'key-rejected': 'refused',
      retry: 'busy',
    };
    return kinds[verdict.class] as string;
  });
}

describe('the relay reads upstream answers with the app table', () => {
  it('is the app table itself, not a copy', () => {
    expect(shared.classifyAnswer).toBe(app.classifyAnswer);
    expect(shared.classifyReadAnswer).toBe(app.classifyReadAnswer);
  });

  const STORY_ANSWERS: [string, () => Response][] = [
    ['201 with an id', () => json(201, { id: 42 })],
    ['201 with no body', () => new Response(null, { status: 201 })],
    ['201 text/plain', () => new Response('OK', { status: 201, headers: { 'Content-Type': 'text/plain' } })],
    [
      '201 JSON cut off',
      () => new Response('{"id":', { status: 201, headers: { 'Content-Type': 'application/json' } }),
    ],
    ['201 JSON without id', () => json(201, { status: 'received' })],
    ['200 HTML', () => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['302', () => new Response(null, { status: 302, headers: { Location: '/login' } })],
    ['401', () => json(401, { message: 'no' })],
    ['422', () => json(422, { errors: [{ field: 'title', message: 'Required' }] })],
    ['429', () => json(429, {}, { 'Retry-After': '2' })],
    ['503 HTML', () => new Response('<html>', { status: 503, headers: { 'Content-Type': 'text/html' } })],
  ];

  it.each(STORY_ANSWERS)('a story answered %s: the relay and the app agree', async (_, response) => {
    const { upstream } = fakeUpstream(response);
    const answer = await upstream.request('/opinions', story);
    expect(answer.kind).toBe(await appKind(response, false));
  });

  it.each([
    ['200 with a list', () => json(200, [{ id: 1 }])],
    ['200 HTML', () => new Response('<html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['401', () => json(401, {})],
    ['500', () => json(500, {})],
  ] as [string, () => Response][])('a read answered %s: the relay and the app agree', async (_, response) => {
    const { upstream } = fakeUpstream(response);
    expect((await upstream.request('/healthservices?take=1')).kind).toBe(await appKind(response, true));
  });

  it('asks again with the same key when a 2xx carried no id, then answers 503 with Retry-After', async () => {
    const { upstream, calls } = fakeUpstream(() => new Response(null, { status: 201 }));
    const answer: UpstreamAnswer = await upstream.request('/opinions', story);
    expect(answer).toMatchObject({ kind: 'busy', status: 503, upstreamStatus: 201 });
    expect(answer.kind === 'busy' && answer.retryAfter).toBeGreaterThan(0);
    expect(calls).toHaveLength(MAYBE_STORED_TRIES);
  });

  it('takes the id the second time', async () => {
    let n = 0;
    const { upstream, calls } = fakeUpstream(() =>
      n++ === 0 ? new Response('', { status: 201 }) : json(200, { id: 7 }),
    );
    expect(await upstream.request('/opinions', story)).toMatchObject({
      kind: 'json',
      status: 200,
      body: { id: 7 },
    });
    expect(calls).toHaveLength(2);
  });
});

const databases = useDatabases();

describe.each(KINDS)('a 2xx without a usable body, through the relay on %s', (kind) => {
  let world: World | undefined;
  let server: Server | undefined;
  const relays: Relay[] = [];
  afterEach(async () => {
    await world?.close();
    world = undefined;
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('stored but answered 201 with no body: the relay asks again with the same key and gives the id', async () => {
    world = await startWorld(await databases.url(kind));
    const { token } = await enrol(world.relay);
    await setFaults(world.sandbox, { emptyAnswer: 1 });
    const key = randomUUID();
    const res = await postStory(world.relay, token, validStory(), key);
    const received = await getControl<Received[]>(world.sandbox, '/received');
    expect(received).toHaveLength(1); // stored once
    expect(res.status).toBe(200); // the sandbox's answer to a key it already holds
    expect(await res.json()).toMatchObject({ id: received[0]?.id });
    expect(await dumpTables(world.relay)).toContain(`"key":"${key}"`); // the answer is kept
  });

  it('answered 2xx with no body every time: 503 with Retry-After, the key freed, never upstream-key-refused', async () => {
    let calls = 0;
    server = createServer((_req, res) => {
      calls++;
      res.writeHead(201, { 'Content-Type': 'text/plain' });
      res.end('Thanks!');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2`;
    const relay = await startTestRelay(upstream, await databases.url(kind));
    relays.push(relay);
    const { token } = await enrol(relay);
    const key = randomUUID();
    const res = await postStory(relay, token, validStory(), key);
    const body: unknown = await res.json();
    // The app's half: an iPad behind the relay reads this answer as a passing fault, tried again
    // with the same key after Retry-After — never a key problem that pauses its queue.
    const onTheIpad = app.classifyAnswer({
      kind: 'response',
      status: res.status,
      contentType: res.headers.get('content-type') ?? undefined,
      json: body,
      retryAfter: res.headers.get('retry-after') ?? undefined,
    });
    expect(onTheIpad).toMatchObject({ class: 'retry', retryAfterMs: expect.any(Number) });
    expect(res.status).toBe(503);
    expect(body).not.toEqual({ error: 'upstream-key-refused' });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(calls).toBe(MAYBE_STORED_TRIES);
    expect(await dumpTables(relay)).not.toContain(`"key":"${key}"`); // a retry is processed afresh
    expect(relay.logs.join('\n')).not.toContain('upstream-key-refused');
  });
});
