// The organisation's one upstream rate, shared by every instance through the database: a token
// bucket of depth one (GCRA), kept as "the earliest time the next request may leave". Each
// request moves that time on by one interval in a single atomic UPDATE … RETURNING (a row lock
// in Postgres, the write lock in SQLite), then waits for its slot. Requests are spread evenly,
// 1.1 intervals apart (API.md: 5 per 1.1 s meets an exact 5/s window with no 429s). A timer that
// fires late on a busy machine would let the next request leave right behind it, so at departure
// a second atomic check keeps actual departures at least 1.05 s / rate apart.
import { sql } from 'kysely';
import type { RelayDb } from './db/database.ts';

/** API.md's measured margin: a limiter of N per 1.1 s never trips an exact N/s window. */
export const RATE_MARGIN = 1.1;
/** Longer than this in the queue and the device is told to come back (429 + Retry-After). */
export const MAX_QUEUE_MS = 15_000;

export type Slot = { ok: true; waitedMs: number } | { ok: false; retryAfterMs: number };

export type UpstreamRate = { take(maxQueueMs?: number): Promise<Slot> };

export const intervalFor = (perSecond: number) => Math.ceil((1000 * RATE_MARGIN) / perSecond);
/** Six departures this far apart span more than a second, with 50 ms to spare for the network. */
export const minGapFor = (perSecond: number) => Math.ceil(1050 / perSecond);

export function createUpstreamRate(
  store: RelayDb,
  perSecond: number,
  now: () => number,
  sleep: (ms: number) => Promise<void>,
): UpstreamRate {
  const interval = intervalFor(perSecond);
  const minGap = minGapFor(perSecond);
  const greatest = sql.raw(store.greatest);

  /** Waits until at least minGap after the last departure, and records this one, atomically. */
  async function depart(): Promise<void> {
    for (;;) {
      const at = now();
      const sent = await store.db
        .updateTable('rate_slots')
        .set({ last_sent_at: at })
        .where('name', '=', 'upstream')
        .where('last_sent_at', '<=', at - minGap)
        .returning('last_sent_at')
        .executeTakeFirst();
      if (sent) return;
      const row = await store.db
        .selectFrom('rate_slots')
        .select('last_sent_at')
        .where('name', '=', 'upstream')
        .executeTakeFirstOrThrow();
      await sleep(Math.max(1, Number(row.last_sent_at) + minGap - at));
    }
  }

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
      if (slot > at) await sleep(slot - at);
      await depart();
      return { ok: true, waitedMs: now() - at };
    },
  };
}
