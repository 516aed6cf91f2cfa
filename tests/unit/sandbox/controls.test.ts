// The /__sandbox/ controls and the middleware contract: the received page masks personal data and
// escapes markup, stats count answers, reset clears faults and rate counters, other paths are left alone.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { maskEmail, maskPostcode } from '../../sandbox/page.ts';
import { createSandbox } from '../../sandbox/sandbox.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import {
  getApi,
  getControl,
  heldKeys,
  holdStories,
  postStory,
  type Received,
  type SandboxStats,
  setFaults,
  startTestSandbox,
  validStory,
} from './helpers.ts';

let server: SandboxServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('GET /__sandbox/', () => {
  it('lists what arrived with email and postcode masked and stored text escaped', async () => {
    server = await startTestSandbox();
    const story = { ...validStory(), title: '<img src=x onerror=alert(1)> & more' };
    await postStory(server, story);
    const res = await fetch(`${server.origin}/__sandbox/`);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; more');
    expect(html).not.toContain('<img');
    expect(html).toContain('Children&#39;s Ward, St Mary&#39;s Hospital');
    expect(html).toContain('p•••@e•••.org');
    expect(html).toContain('NG5 •••');
    expect(html).not.toContain('person@example.org');
    expect(html).not.toContain('1PB');
    expect(html).not.toContain('rugbyfan33');
  });

  it('masks emails and postcodes', () => {
    expect(maskEmail('person@example.org')).toBe('p•••@e•••.org');
    expect(maskEmail(null)).not.toContain('@');
    expect(maskPostcode('NG5 1PB')).toBe('NG5 •••');
    expect(maskPostcode('sw1a1aa')).toBe('SW1A •••');
  });
});

describe('stats and reset', () => {
  it('counts answers by status, stories stored and duplicates prevented', async () => {
    server = await startTestSandbox();
    await getApi(server, '/healthservices');
    await getApi(server, '/healthservices', {});
    const key = crypto.randomUUID();
    await postStory(server, validStory(), { key });
    await postStory(server, validStory(), { key });
    const stats = await getControl<SandboxStats>(server, '/stats');
    expect(stats).toMatchObject({
      requests: { '200': 2, '201': 1, '302': 1 },
      stored: 1,
      duplicatesPrevented: 1,
      inProgress: 0,
    });
  });

  it('reset forgets stories, faults, rate counters and stats', async () => {
    server = await startTestSandbox({ rate: 2, now: () => 0 });
    await postStory(server, validStory());
    await getApi(server, '/healthservices');
    expect((await getApi(server, '/healthservices')).status).toBe(429);
    await setFaults(server, { error5xx: 1 });
    await fetch(`${server.origin}/__sandbox/reset`, { method: 'POST' });
    expect(await getControl(server, '/received')).toEqual([]);
    expect(await getControl(server, '/faults')).toEqual({});
    expect((await getControl<SandboxStats>(server, '/stats')).requests).toEqual({});
    expect((await getApi(server, '/healthservices')).status).toBe(200);
  });
});

describe('holding story posts in flight', () => {
  const WAIT = { timeout: 10_000, interval: 20 };

  it('holds each story post once its key is claimed, until released; other requests pass', async () => {
    const sandbox = await startTestSandbox();
    server = sandbox;
    await holdStories(sandbox, 'hold');
    expect(await getControl(sandbox, '/hold')).toEqual({ holding: true, held: [] });
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    const first = postStory(sandbox, validStory(), { key: a });
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toEqual([a]), WAIT);
    const second = postStory(sandbox, validStory(), { key: b });
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toEqual([a, b]), WAIT);
    expect((await getApi(sandbox, '/healthservices')).status).toBe(200);
    const stats = await getControl<SandboxStats>(sandbox, '/stats');
    expect(stats).toMatchObject({ held: 2, inProgress: 2, stored: 0 });
    const released = await fetch(`${sandbox.origin}/__sandbox/release`, { method: 'POST' });
    expect(await released.json()).toEqual({ holding: false, released: 2 });
    expect([(await first).status, (await second).status]).toEqual([201, 201]);
    expect(await getControl(sandbox, '/hold')).toEqual({ holding: false, held: [] });
    expect((await postStory(sandbox, validStory())).status).toBe(201); // not held once released
  });

  it('a client that leaves while held frees its key and is held no more; nothing is stored', async () => {
    const sandbox = await startTestSandbox();
    server = sandbox;
    await holdStories(sandbox, 'hold');
    const key = crypto.randomUUID();
    const controller = new AbortController();
    const leaving = postStory(sandbox, validStory(), { key, signal: controller.signal });
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toEqual([key]), WAIT);
    controller.abort();
    await expect(leaving).rejects.toThrow();
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toEqual([]), WAIT);
    expect((await getControl<SandboxStats>(sandbox, '/stats')).inProgress).toBe(0);
    expect(await getControl<Received[]>(sandbox, '/received')).toEqual([]);
  });

  it('reset and close() let held posts go', async () => {
    const sandbox = await startTestSandbox();
    server = sandbox;
    await holdStories(sandbox, 'hold');
    const key = crypto.randomUUID();
    const held = postStory(sandbox, validStory(), { key });
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toEqual([key]), WAIT);
    await fetch(`${sandbox.origin}/__sandbox/reset`, { method: 'POST' });
    expect((await held).status).toBe(201);
    expect(await getControl(sandbox, '/hold')).toEqual({ holding: false, held: [] });
    await holdStories(sandbox, 'hold');
    const hanging = postStory(sandbox, validStory());
    await vi.waitFor(async () => expect(await heldKeys(sandbox)).toHaveLength(1), WAIT);
    await sandbox.close();
    await expect(hanging).rejects.toThrow();
    server = undefined;
  });
});

describe('createSandbox as middleware', () => {
  it('takes /api/v2/ and /__sandbox/ paths and leaves every other path to its host', async () => {
    const sandbox = createSandbox({ key: 'k', services: 50 });
    const host = createServer((req, res) => {
      if (!sandbox.handle(req, res)) res.writeHead(299).end('host');
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/`)).status).toBe(299);
      expect((await fetch(`${base}/api/other`)).status).toBe(299);
      expect((await fetch(`${base}/__sandboxed`)).status).toBe(299);
      expect((await fetch(`${base}/app-config.json`)).status).toBe(299);
      expect((await fetch(`${base}/__sandbox/stats`)).status).toBe(200);
      const api = await fetch(`${base}/api/v2/healthservices`, {
        headers: { Authorization: 'SUBSCRIPTION_KEY k' },
      });
      expect(api.status).toBe(200);
    } finally {
      await sandbox.close();
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
