// Faults and the idempotency rules they exercise: in-progress keys (409), keys freed when a client
// leaves, commit-then-drop followed by a replayed retry, 5xx never stored or replayed, hangs ended by close().
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyAnswer, REASONS } from '../../../src/domain/send/answers.ts';
import { createClient } from '../../../src/sync/client.ts';
import { createRateLimiter, realSleep } from '../../../src/sync/rateLimiter.ts';
import { createFaultSource } from '../../sandbox/faults.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import {
  getApi,
  getControl,
  heldKeys,
  holdStories,
  KEY,
  postStory,
  type Received,
  type SandboxStats,
  setFaults,
  startTestSandbox,
  validStory,
} from './helpers.ts';

let server: SandboxServer;

beforeEach(async () => {
  server = await startTestSandbox();
});

afterEach(async () => {
  await server.close();
});

const stats = () => getControl<SandboxStats>(server, '/stats');
/** Waiting for a condition, not a time: the ceiling only ends a test that would never pass. */
const WAIT = { timeout: 10_000, interval: 20 };

describe('idempotency under faults', () => {
  it('answers 409 while a request with the same key is still being processed', async () => {
    await holdStories(server, 'hold');
    const key = randomUUID();
    const first = postStory(server, validStory(), { key });
    await vi.waitFor(async () => expect(await heldKeys(server)).toEqual([key]), WAIT);
    const second = await postStory(server, validStory(), { key });
    expect(second.status).toBe(409);
    expect(await heldKeys(server), 'the 409 is answered at once, never held').toEqual([key]);
    await holdStories(server, 'release');
    expect((await first).status).toBe(201);
    expect((await postStory(server, validStory(), { key })).status).toBe(200);
    expect(await stats()).toMatchObject({ stored: 1, conflicts: 1, duplicatesPrevented: 1 });
  });

  it('frees the key when the client gives up on a hanging request, and stores nothing', async () => {
    await setFaults(server, { hang: 1 });
    const key = randomUUID();
    const controller = new AbortController();
    const hanging = postStory(server, validStory(), { key, signal: controller.signal });
    await vi.waitFor(async () => expect((await stats()).inProgress).toBe(1), WAIT);
    expect((await postStory(server, validStory(), { key })).status).toBe(409);
    controller.abort();
    await expect(hanging).rejects.toThrow();
    await vi.waitFor(async () => expect((await stats()).inProgress).toBe(0), WAIT);
    expect(await getControl<Received[]>(server, '/received')).toEqual([]);
    await setFaults(server, {});
    expect((await postStory(server, validStory(), { key })).status).toBe(201);
  });

  it('commit-then-drop stores the story; the retry with the same key gets 200 and the same id', async () => {
    await setFaults(server, { commitThenDrop: 1 });
    const key = randomUUID();
    await expect(postStory(server, validStory(), { key })).rejects.toThrow();
    const stored = await getControl<Received[]>(server, '/received');
    expect(stored).toHaveLength(1);
    await setFaults(server, {});
    const retry = await postStory(server, validStory(), { key });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toMatchObject({ id: stored[0]?.id, status: 'received' });
    expect(await getControl<Received[]>(server, '/received')).toHaveLength(1);
    expect(await stats()).toMatchObject({ stored: 1, dropped: 1, duplicatesPrevented: 1 });
  });

  it('a 201 cut off mid-body: the app reads "probably stored", never "key not accepted"; the retry gets the id', async () => {
    await setFaults(server, { cutOffAnswer: 1 });
    const client = createClient({ fetch, limiter: createRateLimiter(100, Date.now, realSleep, 1000) });
    const connection = { apiAddress: server.url, key: KEY };
    const key = randomUUID();
    const send = () =>
      client.request(connection, '/opinions', {
        method: 'POST',
        body: validStory(),
        headers: { 'Idempotency-Key': key },
      });
    const cutOff = await send();
    expect(cutOff).toMatchObject({ kind: 'response', status: 201, bodyCutOff: true });
    expect(classifyAnswer(cutOff.kind === 'cancelled' ? { kind: 'timeout' } : cutOff)).toEqual({
      class: 'retry',
      reason: REASONS.incomplete,
    });
    await setFaults(server, {});
    const retry = await send();
    const stored = await getControl<Received[]>(server, '/received');
    expect(stored).toHaveLength(1);
    expect(retry.kind === 'response' && classifyAnswer(retry)).toEqual({ class: 'sent', id: stored[0]?.id });
  });

  it('answers 5xx with nothing stored, and a retry is processed afresh', async () => {
    await setFaults(server, { error5xx: 1, seed: 11 });
    const key = randomUUID();
    const failed = await postStory(server, validStory(), { key });
    expect([500, 502, 503]).toContain(failed.status);
    expect(await getControl<Received[]>(server, '/received')).toEqual([]);
    await setFaults(server, {});
    expect((await postStory(server, validStory(), { key })).status).toBe(201);
  });

  it('close() ends hanging requests so the server can shut down', async () => {
    await setFaults(server, { hang: 1 });
    const hanging = getApi(server, '/healthservices');
    await vi.waitFor(async () => expect((await stats()).hung).toBe(1), WAIT);
    await server.close();
    await expect(hanging).rejects.toThrow();
    server = await startTestSandbox();
  });
});

describe('fault controls', () => {
  it('sets, reports and clears faults, and refuses invalid ones', async () => {
    const faults = {
      error5xx: 0.2,
      commitThenDrop: 0.1,
      hang: 0.05,
      rate429: 0.1,
      latencyMs: [0, 5],
      seed: 1,
    };
    expect((await setFaults(server, faults)).status).toBe(200);
    expect(await getControl(server, '/faults')).toEqual(faults);
    for (const bad of [{ error5xx: 2 }, { latencyMs: [5, 1] }, { hang: 0.6, error5xx: 0.6 }, { typo: 1 }]) {
      expect((await setFaults(server, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await getControl(server, '/faults')).toEqual(faults);
    await setFaults(server, {});
    expect(await getControl(server, '/faults')).toEqual({});
  });

  it('starts with the faults given in the options, and never faults the controls', async () => {
    await server.close();
    server = await startTestSandbox({ faults: { error5xx: 1 } });
    expect((await getApi(server, '/healthservices')).status).toBeGreaterThanOrEqual(500);
    expect((await fetch(`${server.origin}/__sandbox/received`)).status).toBe(200);
  });

  it('replays the same faults for the same seed', () => {
    const faults = {
      error5xx: 0.3,
      hang: 0.1,
      rate429: 0.2,
      commitThenDrop: 0.1,
      latencyMs: [0, 50] as [number, number],
    };
    const run = (seed: number) => {
      const source = createFaultSource({ ...faults, seed }, () => 0.5);
      return Array.from({ length: 200 }, () => source.draw());
    };
    expect(run(5)).toEqual(run(5));
    expect(run(5)).not.toEqual(run(6));
    const kinds = new Set(run(5).map((d) => d.kind));
    expect(kinds).toEqual(new Set(['none', 'error5xx', 'hang', 'rate429', 'commitThenDrop']));
  });
});
