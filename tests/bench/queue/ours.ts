// Our send queue in Node: the app's createQueueRunner over Dexie (fake-indexeddb) with the real
// client and limiter (5 per 1.1 s, as main.tsx), real timers, triggered like the app ('start', then
// its own backoff timer). Drained when the runner reports nothing waiting and nothing sending.
// If it stops with stories left, no timer set and nothing in flight, that is counted as a stall and
// the lost timer is fired for it ('timer': no story is made due early, unlike every other trigger).
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as store from '../../../src/store/story/stories.ts';
import type { Cipher } from '../../../src/store/vault/cipher.ts';
import { createClient } from '../../../src/sync/client.ts';
import { createRateLimiter, realSleep } from '../../../src/sync/rateLimiter.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { benchCipher } from './cipher.ts';
import { BENCH_TIMEOUT_MS, type BenchStory, KEY, sleep } from './common.ts';
import { createWatch } from './watch.ts';

export type OursResult = {
  drainMs: number | null;
  needsAttention: number;
  timerFires: number;
  /** Times the runner stopped with stories waiting and no timer set. */
  stalls: number[];
};

async function queueAll(db: StoryDb, cipher: Cipher, stories: readonly BenchStory[]): Promise<void> {
  const now = Date.now();
  for (const [i, s] of stories.entries()) {
    // queuedAt orders the outbox: one millisecond apart keeps the stories in their order.
    const created = await store.createStory(db, cipher, s.id, s.draft, now + i);
    const queued = await storyQueue.queueStory(db, cipher, s.id, s.payload, s.key, now + i, now + i);
    const failed = [created, queued].find((r) => !r.ok);
    if (failed && !failed.ok) throw new Error(`could not queue ${s.id}: ${failed.kind} (${failed.reason})`);
  }
}

export async function runOurs(
  apiAddress: string,
  stories: readonly BenchStory[],
  capMs: number,
): Promise<OursResult> {
  const db = createDb(`bench-queue-${Date.now()}-${Math.random()}`);
  const cipher = await benchCipher();
  await queueAll(db, cipher, stories);
  const watch = createWatch();
  let drained = false;
  const runner = createQueueRunner({
    db,
    cipher,
    client: watch.client(
      createClient({
        fetch: globalThis.fetch,
        limiter: createRateLimiter(5, Date.now, realSleep, 1100),
        timeoutMs: BENCH_TIMEOUT_MS,
      }),
    ),
    // One page holding Web Locks, as in the app: exclusive.
    lock: memoryLock(true),
    connection: () => ({ apiAddress, key: KEY }),
    now: Date.now,
    random: Math.random,
    setTimer: watch.setTimer,
    clearTimer: watch.clearTimer,
    onChange: watch.alive,
    onStatus: (status) => {
      watch.alive();
      if (status.waiting === 0 && status.sending === null) drained = true;
    },
  });
  const start = performance.now();
  const stalls: number[] = [];
  void runner.trigger('start');
  while (!drained && performance.now() - start < capMs) {
    await sleep(100);
    if (!drained && watch.stalled(Date.now())) {
      stalls.push(performance.now() - start);
      watch.alive();
      void runner.trigger('timer');
    }
  }
  const drainMs = drained ? performance.now() - start : null;
  runner.stop();
  // At the cap a request may still be in flight: it ends within the client timeout.
  if (!drained) await sleep(BENCH_TIMEOUT_MS + 1000);
  const needsAttention = await db.outbox.where('state').equals('needs-attention').count();
  db.close();
  await db.delete();
  return { drainMs, needsAttention, timerFires: watch.timerFires(), stalls };
}
