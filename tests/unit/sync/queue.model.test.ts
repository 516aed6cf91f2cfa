// Model-based test of the send queue, as hostile as the field: an in-memory server with 5xx,
// commit-then-drop, 429, hangs, 422, 302 (key refused), HTML 200s and cut-off 201s; the device
// offline for hours; storage refusing writes; pages dying mid-request; runner restarts; two tabs
// sharing a lock (Web Locks) or with locks that do not exclude each other. Requests interleave:
// each page has up to MAX_IN_FLIGHT out, each for its own latency, hangs far longer, so answers
// arrive out of order. The invariants: every consented story is stored exactly once or refused and
// kept, none is lost, none without consent, never two requests in flight for one story, never more
// than MAX_IN_FLIGHT from one page, never more than the rate limit in any window (on the injected
// clock) — and no timer pending means nothing due.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDue } from '../../../src/domain/send/sendReducer.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { getPause, listActive } from '../../../src/store/send/outbox.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import type { Answer, Client } from '../../../src/sync/client.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';
import {
  createQueueRunner,
  MAX_IN_FLIGHT,
  type QueueRunner,
  type Trigger,
} from '../../../src/sync/send/queue.ts';
import { memoryLock, type RunnerLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { createFakeServer, type FakeServer, type Fault } from './fakeServer.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();

let n = 0;
const FAULTS: Fault[] = [
  'ok',
  'ok',
  '5xx',
  'commit-drop',
  '429',
  'hang',
  'crash',
  '422',
  '302',
  'html200',
  'truncated201',
  'offline',
];
const HOUR = 3_600_000;
/** 1,000 in npm test; the bench runs 10,000 (`npm run bench -- queue-model`). */
const RUNS = Number(process.env.QUEUE_MODEL_RUNS ?? 1000);

/** API.md: 5 requests a second per key. */
const RATE = 5;
const WINDOW_MS = 1000;

/** One page: its runner, its own limiter (as in the app), what it has out, and when each request left. */
type Page = {
  runner: QueueRunner;
  dead: boolean;
  out: number;
  maxOut: number;
  /** The injected clock's time as each request passed the limiter. */
  starts: number[];
};

/** Across every run: the model really runs several at once and answers come out of order. */
const seen = { maxOut: 0, outOfOrder: 0 };

type Harness = {
  db: StoryDb;
  /** The pages alive now. */
  pages: Page[];
  /** Every page the run started, those that died included. */
  everyPage: Page[];
  clock: { t: number };
  timers: { at: number; run: () => void }[];
  server: FakeServer;
  random: () => number;
  sharedLock: boolean;
  diskFull: boolean;
};

function quotaError(): Error {
  return Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
}

/** Storage that refuses every write while `diskFull` is set (reads still work). */
function withFullDisk(h: Harness): void {
  const transaction = h.db.transaction.bind(h.db) as (...args: unknown[]) => Promise<unknown>;
  (h.db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args) =>
    h.diskFull && args[0] === 'rw' ? Promise.reject(quotaError()) : transaction(...args);
}

const never = () => new Promise<Answer>(() => undefined);

/**
 * The page's client: its own rate limiter on the injected clock (waiting moves the clock on), then
 * the server. A page that died sends nothing more and hears no answer. Counts what the page has out
 * (from the call, limiter wait included) and whether answers come back out of order.
 */
function pageClient(h: Harness, page: Page): Client {
  const limiter = createRateLimiter(
    RATE,
    () => h.clock.t,
    async (ms) => {
      h.clock.t += ms;
    },
    WINDOW_MS,
  );
  let sent = 0;
  const answered = new Set<number>();
  return {
    async request(connection, path, options) {
      if (page.dead) return never();
      page.out++;
      page.maxOut = Math.max(page.maxOut, page.out);
      seen.maxOut = Math.max(seen.maxOut, page.out);
      await limiter.acquire();
      if (page.dead) return never();
      page.starts.push(h.clock.t);
      const order = sent++;
      const answer = await h.server.client.request(connection, path, options);
      if (page.dead) return never();
      page.out--;
      answered.add(order);
      if ([...Array(order).keys()].some((earlier) => !answered.has(earlier))) seen.outOfOrder++;
      return answer;
    },
  };
}

function startRunner(h: Harness, lock: RunnerLock) {
  const page: Page = { runner: null as unknown as QueueRunner, dead: false, out: 0, maxOut: 0, starts: [] };
  page.runner = createQueueRunner({
    db: h.db,
    cipher,
    client: pageClient(h, page),
    lock,
    connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: 'k' }),
    now: () => h.clock.t,
    random: h.random,
    setTimer: (run, ms) => {
      expect(ms, 'a timer never fires into the past').toBeGreaterThan(0);
      const timer = { at: h.clock.t + ms, run };
      h.timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      h.timers = h.timers.filter((t) => t !== timer);
    },
    isOnline: () => h.server.online,
    onError: (error) => {
      throw error;
    },
  });
  h.pages.push(page);
  h.everyPage.push(page);
  return page;
}

/** Never more than RATE requests in any WINDOW_MS from one page, on the injected clock. */
function rateKept(page: Page): boolean {
  return page.starts.every((t, i) => i < RATE || t - (page.starts[i - RATE] ?? 0) >= WINDOW_MS);
}

function startTabs(h: Harness, twoTabs: boolean): void {
  const shared = memoryLock(true);
  startRunner(h, h.sharedLock ? shared : memoryLock(false));
  if (twoTabs) startRunner(h, h.sharedLock ? shared : memoryLock(false));
}

const scenario = fc.record({
  stories: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), // consent given?
  faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 14 }),
  /** Event-loop turns each request stays out, in order (then 20 each); a hang stays out far longer. */
  latencies: fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 16 }),
  triggers: fc.array(fc.constantFrom<Trigger>('start', 'online', 'visible', 'send-now', 'timer'), {
    minLength: 1,
    maxLength: 6,
  }),
  diskFullAt: fc.option(fc.nat(8)),
  twoTabs: fc.boolean(),
  sharedLock: fc.boolean(),
  seed: fc.integer(),
});

describe('send queue (model)', () => {
  it(
    'stores every consented story exactly once or keeps it refused; never one without consent',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async (s) => {
          const db = createDb(`queue-model-${++n}`);
          let faultIndex = 0;
          let requestIndex = 0;
          let crashed = false;
          let onCrash: () => void = () => {};
          let r = s.seed;
          const h: Harness = {
            db,
            pages: [],
            everyPage: [],
            clock: { t: 1_000_000 },
            timers: [],
            server: createFakeServer(
              () => {
                if (faultIndex === s.diskFullAt) h.diskFull = true;
                return s.faults[faultIndex++] ?? 'ok';
              },
              () => {
                // The browser died mid-request: every page is gone, with its requests and its locks.
                crashed = true;
                for (const page of h.pages) page.dead = true;
                onCrash();
              },
              { latency: () => s.latencies[requestIndex++] ?? 20 },
            ),
            random: () => {
              r = (r * 1103515245 + 12345) >>> 0;
              return (r % 1000) / 1000;
            },
            sharedLock: s.sharedLock,
            diskFull: false,
          };
          const queued: string[] = [];
          for (const [i, consent] of s.stories.entries()) {
            const id = `s${i}`;
            const draft = completeDraft(id, consent);
            await stories.createStory(db, cipher, id, draft, h.clock.t);
            const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
            expect(check.ok).toBe(consent); // no consent, no queue
            if (check.ok) {
              await storyQueue.queueStory(db, cipher, id, check.story, `key-${id}`, h.clock.t, h.clock.t);
              queued.push(id);
            }
          }
          withFullDisk(h);
          startTabs(h, s.twoTabs);
          const fire = async (reason: Trigger) => {
            if (crashed) {
              crashed = false;
              for (const old of h.pages.splice(0)) old.runner.stop();
              h.timers = [];
              startTabs(h, s.twoTabs);
            }
            const died = new Promise<void>((resolve) => {
              onCrash = resolve;
            });
            await Promise.race([Promise.all(h.pages.map((page) => page.runner.trigger(reason))), died]);
          };
          for (const reason of s.triggers) await fire(reason);
          // Then time passes. A stall is a runner asleep with work it could do: no timer, online,
          // not paused, and something waiting. The only wake-ups besides timers are the ones a
          // person or the device gives: the signal back after hours, a key fixed in Settings.
          for (let step = 0; step < 80 && (await listActive(db)).length > 0; step++) {
            h.diskFull = false;
            const next = h.timers.sort((a, b) => a.at - b.at)[0];
            if (crashed) await fire('start');
            else if (!h.server.online) {
              // Offline for hours: a timer set while there was a signal may fire once, finds the
              // device offline and sets none: the runner sleeps until the signal comes back.
              const requests = h.server.requests;
              for (let i = 0; i < 10 && h.timers.length > 0; i++) {
                const due = h.timers.sort((a, b) => a.at - b.at)[0] as { at: number };
                h.clock.t = Math.max(h.clock.t + 1, due.at);
                h.timers = h.timers.filter((t) => t !== due);
                await fire('timer');
              }
              expect(h.timers, 'asleep while offline: no timer').toEqual([]);
              expect(h.server.requests, 'no request while offline').toBe(requests);
              h.clock.t += 6 * HOUR;
              h.server.online = true;
              await fire('online');
            } else if (await getPause(db)) await fire('settings-saved');
            else if (next) {
              h.clock.t = Math.max(h.clock.t + 1, next.at);
              h.timers = h.timers.filter((t) => t !== next);
              await fire('timer');
            } else {
              const waiting = await listActive(db);
              expect(
                waiting.filter((e) => isDue(e, h.clock.t + 60 * HOUR, true)),
                'no timer pending ⇒ nothing due',
              ).toEqual([]);
              break;
            }
          }
          for (const page of h.pages) page.runner.stop();

          expect(h.server.maxInFlight, 'never two requests in flight for one story').toBeLessThanOrEqual(1);
          expect(h.server.withoutConsent, 'never a story without consent').toBe(0);
          for (const page of h.everyPage) {
            expect(page.maxOut, 'never more than MAX_IN_FLIGHT out from one page').toBeLessThanOrEqual(
              MAX_IN_FLIGHT,
            );
            expect(rateKept(page), `the rate limit kept: ${page.starts.join(', ')}`).toBe(true);
          }
          const receipts = await stories.listReceipts(db, cipher);
          const outbox = await stories.listOutbox(db);
          expect(
            outbox.filter((e) => e.state !== 'needs-attention'),
            'nothing left waiting',
          ).toEqual([]);
          for (const id of queued) {
            const key = `key-${id}`;
            const refused = outbox.find((e) => e.id === id);
            if (refused) {
              expect(h.server.refused.has(key)).toBe(true);
              expect(h.server.stored.has(key)).toBe(false);
            } else {
              expect(h.server.storeCounts.get(key), `${id} stored once`).toBe(1);
              expect(receipts.find((x) => x.id === id)?.careOpinionId).toBe(h.server.stored.get(key)?.id);
            }
          }
          expect(h.server.stored.size + outbox.length).toBe(queued.length);
          db.close();
        }),
        { numRuns: RUNS },
      );
      expect(seen.maxOut, 'some run had MAX_IN_FLIGHT out at once').toBe(MAX_IN_FLIGHT);
      expect(seen.outOfOrder, 'some answers came back out of order').toBeGreaterThan(0);
    },
    Math.max(300_000, RUNS * 150),
  );
});
