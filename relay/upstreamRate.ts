// The organisation's one upstream rate, shared by every instance through the database.
//
// Two rows, so the two steps never wait on each other's row lock:
// - `upstream.next_at`, the schedule: each request reserves the next slot, one interval after the
//   last (GCRA with a depth of one: no burst allowance, even after a quiet spell), in one atomic
//   UPDATE … RETURNING, then sleeps until its slot.
// - `departed.last_sent_at`, the departures: at its slot a request leaves only if the last
//   departure, from any instance, was at least one interval ago, and records its own in the same
//   atomic UPDATE. A timer that fires late therefore pushes the queue back instead of bunching it.
//
// The time a request records must be no earlier than the moment it really leaves, or the next one
// could follow it too closely. On a busy machine the UPDATE can wait (a row lock in Postgres, a
// stalled event loop): if more than DEPARTURE_TOLERANCE_MS passed between reading the clock and the
// UPDATE's answer, the request moves its record to now (only if nobody left since) or queues again.
// So consecutive departures are at least interval − tolerance apart (210 ms at 5/s: 1/rate plus a
// 10 ms margin), and any six span at least 1,090 ms, leaving 90 ms for the jitter between leaving
// the relay and arriving upstream, while 4.5 requests a second (91 % of 5/s) still get through.
import { sql } from 'kysely';
import type { RelayDb } from './db/database.ts';

/** API.md's measured margin: a limiter of N per 1.1 s never trips an exact N/s window. */
export const RATE_MARGIN = 1.1;
/** Longer than this in the queue and the device is told to come back (429 + Retry-After). */
export const MAX_QUEUE_MS = 15_000;
/** How stale a departure's recorded time may be (see above). */
export const DEPARTURE_TOLERANCE_MS = 10;

export type Slot = { ok: true; waitedMs: number } | { ok: false; retryAfterMs: number };

export type UpstreamRate = {
  /**
   * Waits for a slot. `beforeDeparture` runs once the wait is over, before the departure is
   * recorded (so its time never counts as the request's): it may throw to leave nothing.
   */
  take(maxQueueMs?: number, beforeDeparture?: () => Promise<void>): Promise<Slot>;
};

/** The clock the rate runs on: the real one in the relay, a made-up one in its unit tests. */
export type RateClock = { now: () => number; sleep: (ms: number) => Promise<void> };

export const intervalFor = (perSecond: number) => Math.ceil((1000 * RATE_MARGIN) / perSecond);
/** The closest two departures can be: never under 1/rate, whatever the machine's load. */
export const minGapFor = (perSecond: number) => intervalFor(perSecond) - toleranceFor(perSecond);
const toleranceFor = (perSecond: number) =>
  Math.max(0, Math.min(DEPARTURE_TOLERANCE_MS, Math.floor((intervalFor(perSecond) - 1000 / perSecond) / 2)));

export function createUpstreamRate(store: RelayDb, perSecond: number, clock: RateClock): UpstreamRate {
  const { now, sleep } = clock;
  const interval = intervalFor(perSecond);
  const tolerance = toleranceFor(perSecond);
  const greatest = sql.raw(store.greatest);

  /** Records a departure at `at` if the last one left at least an interval before it. */
  const recordDeparture = (at: number, onlyIfLast?: number) => {
    let update = store.db.updateTable('rate_slots').set({ last_sent_at: at }).where('name', '=', 'departed');
    update =
      onlyIfLast === undefined
        ? update.where('last_sent_at', '<=', at - interval)
        : update.where('last_sent_at', '=', onlyIfLast);
    return update.returning('last_sent_at').executeTakeFirst();
  };

  /** Waits for a departure an interval after the last one, records it atomically; its time. */
  async function depart(): Promise<number> {
    for (;;) {
      let recorded = now();
      let sent = await recordDeparture(recorded);
      if (!sent) {
        const row = await store.db
          .selectFrom('rate_slots')
          .select('last_sent_at')
          .where('name', '=', 'departed')
          .executeTakeFirstOrThrow();
        await sleep(Math.max(1, Number(row.last_sent_at) + interval - recorded));
        continue;
      }
      // The record is good only if it is not older than the moment we really leave.
      for (;;) {
        const at = now();
        if (at - recorded <= tolerance) return at;
        sent = await recordDeparture(at, recorded);
        if (!sent) break; // someone left after our stale record: queue again
        recorded = at;
      }
    }
  }

  return {
    async take(maxQueueMs = MAX_QUEUE_MS, beforeDeparture) {
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
      await beforeDeparture?.();
      const departed = await depart();
      return { ok: true, waitedMs: departed - at };
    },
  };
}
