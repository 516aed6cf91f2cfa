// The organisation's one upstream rate, shared by every instance through the database: a token
// bucket of depth one (GCRA), kept as "the earliest time the next request may leave". Each
// request moves that time on by one interval in a single atomic UPDATE … RETURNING (a row lock
// in Postgres, the write lock in SQLite), then waits for its slot. Requests are spread evenly,
// 1.1 intervals apart (API.md: 5 per 1.1 s meets an exact 5/s window with no 429s).
import { sql } from 'kysely';
import type { RelayDb } from './db/database.ts';

/** API.md's measured margin: a limiter of N per 1.1 s never trips an exact N/s window. */
export const RATE_MARGIN = 1.1;
/** Longer than this in the queue and the device is told to come back (429 + Retry-After). */
export const MAX_QUEUE_MS = 15_000;

export type Slot = { ok: true; waitedMs: number } | { ok: false; retryAfterMs: number };

export type UpstreamRate = { take(maxQueueMs?: number): Promise<Slot> };

export const intervalFor = (perSecond: number) => Math.ceil((1000 * RATE_MARGIN) / perSecond);

export function createUpstreamRate(
  store: RelayDb,
  perSecond: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): UpstreamRate {
  const interval = intervalFor(perSecond);
  const greatest = sql.raw(store.greatest);
  return {
    async take(maxQueueMs = MAX_QUEUE_MS) {
      const at = now();
      const reserved = await store.db
        .updateTable('rate_slots')
        .set({ next_at: sql<number>`${greatest}(next_at, ${at}) + ${interval}` })
        .where('name', '=', 'upstream')
        .where('next_at', '<=', at + maxQueueMs)
        .returning('next_at')
        .executeTakeFirst();
      if (!reserved) {
        const row = await store.db
          .selectFrom('rate_slots')
          .select('next_at')
          .where('name', '=', 'upstream')
          .executeTakeFirstOrThrow();
        return { ok: false, retryAfterMs: Math.max(1000, Number(row.next_at) - at - maxQueueMs) };
      }
      const slot = Number(reserved.next_at) - interval;
      const waitedMs = Math.max(0, slot - at);
      if (waitedMs > 0) await sleep(waitedMs);
      return { ok: true, waitedMs };
    },
  };
}
