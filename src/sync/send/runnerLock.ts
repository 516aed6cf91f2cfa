// One send-queue runner at a time across tabs: Web Locks where the browser has them (Safari
// 15.4+), otherwise a lease in the database that a crashed tab's runner loses when it expires.
import { isStorageFailure, type StoryDb } from '../../store/db.ts';
import { releaseLease, takeLease } from '../../store/send/lease.ts';
import type { Sleep } from '../rateLimiter.ts';

export type RunnerLock = {
  /**
   * True when no other runner can hold it at the same time (Web Locks): a story found "sending"
   * by its holder was left by a page that died. A lease can run out under a slow runner: false.
   */
  exclusive: boolean;
  /** Runs `work` while holding the lock; `held()` turns false if the lock was lost meanwhile. */
  run(work: (held: () => boolean) => Promise<void>): Promise<void>;
};

export const QUEUE_LOCK_NAME = 'story-collector-send-queue';

/** Waits its turn: a tab that queued a story while another tab sends will drain after it. */
export function webLock(locks: LockManager, name = QUEUE_LOCK_NAME): RunnerLock {
  return { exclusive: true, run: (work) => locks.request(name, () => work(() => true)) };
}

/** A mutex within one page (tests; `exclusive` when every runner shares it, as with Web Locks). */
export function memoryLock(exclusive = false): RunnerLock {
  let tail: Promise<void> = Promise.resolve();
  return {
    exclusive,
    run(work) {
      const turn = tail.then(() => work(() => true));
      // The caller gets turn's failure; the next turn only waits for this one to end.
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
    exclusive: false,
    async run(work) {
      while (!(await takeLease(db, options.owner, options.now(), leaseMs))) await options.sleep(pollMs);
      let held = true;
      // A renewal that fails (taken by another tab after a stall, or a refused write) loses the lease.
      const renew = setInterval(() => {
        takeLease(db, options.owner, options.now(), leaseMs).then(
          (ok) => {
            held &&= ok;
          },
          () => {
            held = false;
          },
        );
      }, leaseMs / 3);
      try {
        await work(() => held);
      } finally {
        clearInterval(renew);
        // Storage refused the release: the lease runs out by itself. Anything else is a bug.
        await releaseLease(db, options.owner).catch((error: unknown) => {
          if (!isStorageFailure(error)) throw error;
        });
      }
    },
  };
}
