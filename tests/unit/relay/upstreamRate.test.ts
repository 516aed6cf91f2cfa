// The shared upstream rate on its own, on a made-up clock: the departure times it hands out to a
// burst from 40 iPads through two instances are never closer than 1/rate (plus a margin), never
// more than `rate` in any second, with no burst allowance — and that holds when timers fire late
// and the clock jumps while a departure is being recorded (a busy machine).
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RelayDb } from '../../../relay/db/database.ts';
import { createUpstreamRate, intervalFor } from '../../../relay/upstreamRate.ts';
import { maxInAnySecond } from '../../bench/relay/upstream.ts';
import { sqliteUrl } from './databases.ts';
import { type Busy, seeded, type VirtualClock, virtualClock } from './virtualClock.ts';

const RATE = 5;
const DEVICES = 40;

/** Every device asks at once, alternating between two instances; the times each one left. */
async function burst(store: RelayDb, clock: VirtualClock): Promise<number[]> {
  const instances = [createUpstreamRate(store, RATE, clock), createUpstreamRate(store, RATE, clock)];
  const departures: number[] = [];
  const all = Promise.all(
    Array.from({ length: DEVICES }, async (_, i) => {
      const slot = await (instances[i % 2] as (typeof instances)[number]).take();
      expect(slot.ok).toBe(true);
      departures.push(clock.peek());
    }),
  );
  await clock.drive(all);
  return departures.sort((a, b) => a - b);
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe('the shared upstream rate', () => {
  let store: RelayDb | undefined;
  afterEach(async () => {
    await store?.close();
  });

  it('spaces a burst from 40 iPads one interval apart: no burst allowance, 91 % of the rate', async () => {
    store = await openDatabase(sqliteUrl());
    const clock = virtualClock();
    const start = clock.peek();
    const departures = await burst(store, clock);
    expect(departures).toHaveLength(DEVICES);
    expect(departures[0]).toBe(start); // the first leaves at once…
    expect(new Set(gaps(departures))).toEqual(new Set([intervalFor(RATE)])); // …then exactly 220 ms apart
    expect(maxInAnySecond(departures)).toBe(5);
    const perSecond = (DEVICES - 1) / (((departures.at(-1) as number) - start) / 1000);
    expect(perSecond / RATE).toBeGreaterThanOrEqual(0.9);
  });

  it('never hands out departures closer than 1/rate + 5 ms on a busy machine', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      store = await openDatabase(sqliteUrl());
      const random = seeded(seed);
      const busy: Busy = {
        late: () => (random() < 0.5 ? random() * 150 : 0), // a starved timer
        stall: () => (random() < 0.2 ? random() * 80 : 0), // a lock wait or a stalled event loop
      };
      const departures = await burst(store, virtualClock(busy));
      expect(departures).toHaveLength(DEVICES);
      expect(Math.min(...gaps(departures)), `seed ${seed}`).toBeGreaterThanOrEqual(1000 / RATE + 5);
      expect(maxInAnySecond(departures), `seed ${seed}`).toBeLessThanOrEqual(RATE);
      await store.close();
      store = undefined;
    }
  });

  it('tells a request that would queue too long to come back later', async () => {
    store = await openDatabase(sqliteUrl());
    const clock = virtualClock();
    const rate = createUpstreamRate(store, 1, clock);
    expect((await clock.drive(rate.take(0))).ok).toBe(true);
    const refused = await clock.drive(rate.take(0));
    expect(refused).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
  });
});
