// One send-queue runner at a time across tabs: Web Locks where the browser has them (Safari
// 15.4+), otherwise a lease in the database that a crashed tab's runner loses when it expires.
import type { StoryDb } from '../store/db.ts';
import { releaseLease, takeLease } from '../store/lease.ts';
import type { Sleep } from './rateLimiter.ts';

export type RunnerLock = { run(work: () => Promise<void>): Promise<void> };

export const QUEUE_LOCK_NAME = 'story-collector-send-queue';

/** Waits its turn: a tab that queued a story while another tab sends will drain after it. */
export function webLock(locks: LockManager, name = QUEUE_LOCK_NAME): RunnerLock {
  return { run: (work) => locks.request(name, () => work()) };
}

/** A mutex within one page (tests, and the same page's own triggers). */
export function memoryLock(): RunnerLock {
  let tail: Promise<void> = Promise.resolve();
  return {
    run(work) {
      const turn = tail.then(work);
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}

export type LeaseOptions = {
  owner: string;
  now: () => number;
  sleep: Sleep;
  leaseMs?: number;
  pollMs?: number;
};

/** The fallback: a lease row renewed while the runner works; a dead runner's lease runs out. */
export function leaseLock(db: StoryDb, options: LeaseOptions): RunnerLock {
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  return {
    async run(work) {
      while (!(await takeLease(db, options.owner, options.now(), leaseMs))) await options.sleep(pollMs);
      const renew = setInterval(() => void takeLease(db, options.owner, options.now(), leaseMs), leaseMs / 3);
      try {
        await work();
      } finally {
        clearInterval(renew);
        await releaseLease(db, options.owner);
      }
    },
  };
}
