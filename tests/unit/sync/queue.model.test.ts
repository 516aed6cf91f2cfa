// Model-based test of the send queue against an in-memory server with random 5xx, commit-then-drop,
// 429, hangs and pages that die mid-request, with runners restarted and two tabs at once.
// The invariant: every queued story is stored exactly once, none without consent, none lost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import * as stories from '../../../src/store/stories.ts';
import { createQueueRunner, type QueueRunner, type Trigger } from '../../../src/sync/queue.ts';
import { memoryLock, type RunnerLock } from '../../../src/sync/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { createFakeServer, type Fault } from './fakeServer.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();

let n = 0;
const FAULTS: Fault[] = ['ok', '5xx', 'commit-drop', '429', 'hang', 'crash'];

type Harness = {
  db: StoryDb;
  runners: QueueRunner[];
  clock: { t: number };
  timers: { at: number; run: () => void }[];
};

function startRunner(
  h: Harness,
  lock: RunnerLock,
  client: ReturnType<typeof createFakeServer>['client'],
  random: () => number,
) {
  const runner = createQueueRunner({
    db: h.db,
    cipher,
    client,
    lock,
    connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: 'k' }),
    now: () => h.clock.t,
    random,
    setTimer: (run, ms) => {
      const timer = { at: h.clock.t + ms, run };
      h.timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      h.timers = h.timers.filter((t) => t !== timer);
    },
  });
  h.runners.push(runner);
  return runner;
}

const scenario = fc.record({
  stories: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }), // consent given?
  faults: fc.array(fc.constantFrom(...FAULTS), { maxLength: 12 }),
  triggers: fc.array(fc.constantFrom<Trigger>('start', 'online', 'visible', 'send-now', 'timer'), {
    minLength: 1,
    maxLength: 6,
  }),
  twoTabs: fc.boolean(),
  seed: fc.integer(),
});

describe('send queue (model)', () => {
  // Crashes here kill every tab at once (the browser was killed), releasing their Web Locks.
  it('stores every consented story exactly once and never one without consent', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ stories: consents, faults, triggers, twoTabs, seed }) => {
        const db = createDb(`queue-model-${++n}`);
        const h: Harness = { db, runners: [], clock: { t: 1_000_000 }, timers: [] };
        let faultIndex = 0;
        let crashed = false;
        let onCrash: () => void = () => {};
        const server = createFakeServer(
          () => faults[faultIndex++] ?? 'ok',
          () => {
            crashed = true;
            onCrash();
          },
        );
        let r = seed;
        const random = () => {
          r = (r * 1103515245 + 12345) >>> 0;
          return (r % 1000) / 1000;
        };
        const queued: string[] = [];
        for (const [i, consent] of consents.entries()) {
          const id = `s${i}`;
          const draft = completeDraft(id, consent);
          await stories.createStory(db, cipher, id, draft, h.clock.t);
          const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
          expect(check.ok).toBe(consent); // no consent, no queue
          if (check.ok) {
            await stories.queueStory(db, cipher, id, check.story, `key-${id}`, h.clock.t);
            queued.push(id);
          }
        }
        let lock = memoryLock();
        startRunner(h, lock, server.client, random);
        if (twoTabs) startRunner(h, lock, server.client, random);
        const fire = async (reason: Trigger) => {
          if (crashed) {
            // The page died mid-request: its runner is gone, and so is its Web Lock.
            crashed = false;
            for (const old of h.runners.splice(0)) old.stop();
            h.timers = [];
            lock = memoryLock();
            startRunner(h, lock, server.client, random);
          }
          // A page that dies mid-request never finishes its pass: stop waiting for it then.
          const died = new Promise<void>((resolve) => {
            onCrash = resolve;
          });
          await Promise.race([Promise.all(h.runners.map((runner) => runner.trigger(reason))), died]);
        };
        for (const reason of triggers) await fire(reason);
        // Then time passes and the device stays online: timers and occasional returns to the app.
        for (let step = 0; step < 60 && (await stories.listOutbox(db)).length > 0; step++) {
          const next = h.timers.sort((a, b) => a.at - b.at)[0];
          h.clock.t = Math.max(h.clock.t + 1, next?.at ?? h.clock.t + 300_000);
          await fire(next && !crashed ? 'timer' : 'visible');
        }
        for (const runner of h.runners) runner.stop();

        const receipts = await stories.listReceipts(db, cipher);
        expect(await stories.listOutbox(db)).toEqual([]);
        expect(receipts.map((x) => x.id).sort()).toEqual([...queued].sort());
        for (const id of queued) expect(server.storeCounts.get(`key-${id}`)).toBe(1);
        expect(server.stored.size).toBe(queued.length);
        for (const x of receipts) expect(x.careOpinionId).toBe(server.stored.get(`key-${x.id}`)?.id);
        db.close();
      }),
      { numRuns: Number(process.env.QUEUE_MODEL_RUNS ?? 1000) },
    );
  }, 240_000);
});
