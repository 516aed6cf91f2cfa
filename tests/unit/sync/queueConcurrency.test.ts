// Issue 25 §3, no request holds the queue: a few stories in flight at once, never one story twice.
// A request that hangs waits for its own answer while the others go; it is tried again later with
// its own Idempotency-Key. A refused key still holds the whole queue; many requests in a row with no
// answer still end the pass. Time is the test's clock; "slow" is counted in event-loop turns.
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { getEntry, getPause } from '../../../src/store/send/outbox.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import type { Answer, Client } from '../../../src/sync/client.ts';
import {
  createQueueRunner,
  MAX_IN_FLIGHT,
  NO_ANSWERS_IN_A_ROW,
  type QueueDeps,
} from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');
let n = 0;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Waits for `condition`, one event-loop turn at a time; false if it did not hold within `turns`. */
async function until(condition: () => boolean, turns = 2_000): Promise<boolean> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return true;
    await turn();
  }
  return condition();
}

const created = (id: string): Answer => ({
  kind: 'response',
  status: 201,
  type: 'basic',
  contentType: 'application/json',
  retryAfter: null,
  totalCount: null,
  json: { id: `co-${id}`, status: 'received' },
});
const status = (code: number): Answer => ({
  kind: 'response',
  status: code,
  type: 'basic',
  contentType: 'application/json',
  retryAfter: null,
  totalCount: null,
  json: { error: 'no' },
});

/** What one request does: answer after some turns, or stay out until `releasedWhen` holds. */
type Script = { answer: Answer; turns?: number; releasedWhen?: () => boolean };

type Log = { event: 'out' | 'answered'; id: string; kind: string }[];

/** A server scripted per story and attempt (1-based); it logs every request going out and answered. */
function scriptedClient(script: (id: string, attempt: number) => Script) {
  const log: Log = [];
  const attempts = new Map<string, number>();
  let out = 0;
  let maxOut = 0;
  const keys: string[] = [];
  const client: Client = {
    async request(_connection, _path, options) {
      const key = options?.headers?.['Idempotency-Key'] ?? '';
      const id = key.replace(/^key-/, '');
      const attempt = (attempts.get(id) ?? 0) + 1;
      attempts.set(id, attempt);
      keys.push(key);
      out++;
      maxOut = Math.max(maxOut, out);
      log.push({ event: 'out', id, kind: '' });
      const { answer, turns = 5, releasedWhen } = script(id, attempt);
      // Generous: a loaded machine may take many turns for the store's writes; a gate that never opens still ends.
      if (releasedWhen) await until(releasedWhen, 200_000);
      else for (let i = 0; i < turns; i++) await turn();
      out--;
      log.push({
        event: 'answered',
        id,
        kind: answer.kind === 'response' ? String(answer.status) : answer.kind,
      });
      return answer;
    },
  };
  return { client, log, keys, maxOut: () => maxOut };
}

async function queueStories(db: StoryDb, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `s${i}`);
  for (const [i, id] of ids.entries()) {
    const draft = completeDraft(id, true);
    await stories.createStory(db, cipher, id, draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    // queuedAt one millisecond apart: the outbox's order is the stories' order.
    await storyQueue.queueStory(db, cipher, id, check.story, `key-${id}`, NOW - count + i, NOW);
  }
  return ids;
}

function runnerWith(db: StoryDb, client: Client, clock: { t: number }, extra: Partial<QueueDeps> = {}) {
  const timers: { ms: number; run: () => void }[] = [];
  const runner = createQueueRunner({
    db,
    cipher,
    client,
    lock: memoryLock(true),
    connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: 'organisation-key' }),
    now: () => clock.t,
    random: () => 0.5,
    setTimer: (run, ms) => {
      const timer = { ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      timers.splice(timers.indexOf(timer as (typeof timers)[number]) >>> 0, 1);
    },
    onError: (error) => {
      throw error;
    },
    ...extra,
  });
  return { runner, timers };
}

const answeredIds = (log: Log) => log.filter((e) => e.event === 'answered').map((e) => e.id);

describe('the send queue with several stories in flight', () => {
  it('sends the others while one request hangs, and tries the hung one again with its own key', async () => {
    const db = createDb(`concurrency-${++n}`);
    const ids = await queueStories(db, 4);
    const others = ids.slice(1);
    const server = scriptedClient((id, attempt) =>
      id === 's0' && attempt === 1
        ? // Out until every other story was answered (on a one-at-a-time queue: a long count of turns).
          {
            answer: { kind: 'timeout' },
            releasedWhen: () => others.every((o) => answeredIds(server.log).includes(o)),
          }
        : { answer: created(id) },
    );
    const clock = { t: NOW };
    const { runner } = runnerWith(db, server.client, clock);

    await runner.trigger('start');
    const answered = answeredIds(server.log);
    expect(answered.at(-1), 'the others answered before the hung request timed out').toBe('s0');
    expect(answered.toSorted()).toEqual(ids);
    for (const id of others) expect(await getEntry(db, id), `${id} sent`).toBeNull();
    expect(await getEntry(db, 's0')).toMatchObject({
      state: 'queued',
      failures: 1,
      idempotencyKey: 'key-s0',
    });

    await runner.trigger('send-now');
    runner.stop();
    expect(await getEntry(db, 's0'), 's0 sent at its retry').toBeNull();
    expect(
      server.keys.filter((k) => k === 'key-s0'),
      'retried under the same key',
    ).toEqual(['key-s0', 'key-s0']);
    expect(server.keys).toHaveLength(5);
    db.close();
  });

  it(`has at most ${MAX_IN_FLIGHT} requests out at once, and uses them`, async () => {
    const db = createDb(`concurrency-${++n}`);
    await queueStories(db, 8);
    const server = scriptedClient((id) => ({ answer: created(id), turns: 15 }));
    const { runner } = runnerWith(db, server.client, { t: NOW });
    await runner.trigger('start');
    runner.stop();
    expect(server.maxOut()).toBe(MAX_IN_FLIGHT);
    expect(server.keys).toHaveLength(8);
    expect(await db.outbox.count(), 'all sent').toBe(0);
    db.close();
  });

  it('starts no other story once a key is refused; those out end with their own answers', async () => {
    const db = createDb(`concurrency-${++n}`);
    await queueStories(db, 6);
    const server = scriptedClient((id) =>
      id === 's0' ? { answer: status(401), turns: 2 } : { answer: created(id), turns: 20 },
    );
    const { runner } = runnerWith(db, server.client, { t: NOW });
    await runner.trigger('start');
    runner.stop();
    // s1 and s2 went out with s0; the slot s0's refusal freed was not used again.
    // (In whichever order the three reached the server: they start together.)
    expect(server.keys.toSorted(), 'no story started after the refusal').toEqual([
      'key-s0',
      'key-s1',
      'key-s2',
    ]);
    expect(await getPause(db)).toBe('keyRejected');
    for (const id of ['s1', 's2']) expect(await getEntry(db, id), `${id} was out: sent`).toBeNull();
    for (const id of ['s3', 's4', 's5'])
      expect(await getEntry(db, id), `${id} held`).toMatchObject({ state: 'queued', attempts: 0 });
    db.close();
  });

  it('goes on after one request with no answer (a dropped connection)', async () => {
    const db = createDb(`concurrency-${++n}`);
    await queueStories(db, 6);
    const server = scriptedClient((id, attempt) =>
      id === 's0' && attempt === 1
        ? { answer: { kind: 'network-error' }, turns: 1 }
        : { answer: created(id) },
    );
    const { runner } = runnerWith(db, server.client, { t: NOW });
    await runner.trigger('start');
    runner.stop();
    expect(await db.outbox.count(), 'only the dropped story waits').toBe(1);
    expect(await getEntry(db, 's0')).toMatchObject({ state: 'queued', failures: 1 });
    db.close();
  });

  it(`ends the pass after ${NO_ANSWERS_IN_A_ROW} requests in a row with no answer (probably offline)`, async () => {
    const db = createDb(`concurrency-${++n}`);
    await queueStories(db, 10);
    const server = scriptedClient(() => ({ answer: { kind: 'network-error' } }));
    const { runner } = runnerWith(db, server.client, { t: NOW });
    await runner.trigger('start');
    runner.stop();
    // The last unanswered one found at most MAX_IN_FLIGHT - 1 others out, which end on their own.
    expect(server.keys.length).toBeLessThanOrEqual(NO_ANSWERS_IN_A_ROW + MAX_IN_FLIGHT - 1);
    const untouched = await db.outbox.filter((e) => e.attempts === 0).count();
    expect(untouched, 'the rest were not tried').toBe(10 - server.keys.length);
    db.close();
  });

  it('sends a story that comes due while only a hung request is out, without waiting for it', async () => {
    const db = createDb(`concurrency-${++n}`);
    await queueStories(db, 2);
    const clock = { t: NOW };
    const server = scriptedClient((id, attempt) => {
      if (id === 's0')
        return {
          answer: created(id),
          releasedWhen: () => answeredIds(server.log).filter((a) => a === 's1').length === 2,
        };
      return attempt === 1 ? { answer: status(503) } : { answer: created(id) };
    });
    const { runner, timers } = runnerWith(db, server.client, clock);
    const pass = runner.trigger('start');
    // s1 was refused for now (503) and waits its backoff: the pass sets a timer for it while s0 is out.
    expect(await until(() => timers.length > 0 && answeredIds(server.log).length === 1)).toBe(true);
    const timer = timers[0] as (typeof timers)[number];
    clock.t += timer.ms;
    timer.run();
    await pass;
    runner.stop();
    expect(answeredIds(server.log), 's1 retried and sent while s0 was still out').toEqual(['s1', 's1', 's0']);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it("one story's fault while others go through does not park it for minutes; in an outage the wait grows", async () => {
    // s0 has failed 6 times before: on its own count it would wait half of 2 s × 2^6 = 64 s.
    const waitOfS0 = async (others: Answer | ((id: string) => Answer)) => {
      const db = createDb(`concurrency-${++n}`);
      await queueStories(db, 3);
      await db.outbox.update('s0', { failures: 6 });
      const answerOf = typeof others === 'function' ? others : () => others;
      // s0 is answered last, once both others have been.
      const server = scriptedClient((id) =>
        id === 's0'
          ? { answer: status(503), releasedWhen: () => answeredIds(server.log).length === 2 }
          : { answer: answerOf(id), turns: 2 },
      );
      const clock = { t: NOW };
      const { runner } = runnerWith(db, server.client, clock);
      await runner.trigger('start');
      runner.stop();
      const entry = await getEntry(db, 's0');
      db.close();
      expect(entry).toMatchObject({ state: 'queued', failures: 7 });
      return (entry?.nextAttemptAt ?? 0) - clock.t;
    };
    // The server answered the two others: s0 waits as after a first failure (half of 2 s).
    expect(await waitOfS0(created)).toBe(1_000);
    // Both others failed just before it: the run is 2, so half of 2 s × 2^2.
    expect(await waitOfS0(status(503))).toBe(4_000);
  });
});
