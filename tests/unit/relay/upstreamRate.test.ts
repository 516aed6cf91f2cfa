// The shared upstream rate on its own: even when timers fire late (a busy machine), requests never
// leave closer together than 1.05 s / rate, so no second ever sees more than `rate` of them.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type RelayDb } from '../../../relay/db/database.ts';
import { createUpstreamRate, minGapFor } from '../../../relay/upstreamRate.ts';
import { maxInAnySecond } from '../../bench/relay/upstream.ts';
import { sqliteUrl } from './databases.ts';

describe('the shared upstream rate', () => {
  let store: RelayDb | undefined;
  afterEach(async () => {
    await store?.close();
  });

  it('keeps departures apart even when the wait for a slot overruns', async () => {
    store = await openDatabase(sqliteUrl());
    let lateness = 0;
    // Every other wait overruns by 150 ms, as a starved timer does: bunching follows without the check.
    const lateSleep = (ms: number) =>
      new Promise<void>((resolve) => setTimeout(resolve, ms + (lateness++ % 2 === 0 ? 150 : 0)));
    const instances = [
      createUpstreamRate(store, 5, Date.now, lateSleep),
      createUpstreamRate(store, 5, Date.now, lateSleep),
    ];
    const departures: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const slot = await (instances[i % 2] as (typeof instances)[number]).take();
        expect(slot.ok).toBe(true);
        departures.push(Date.now());
      }),
    );
    departures.sort((a, b) => a - b);
    const gaps = departures.slice(1).map((t, i) => t - (departures[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(minGapFor(5) - 1);
    expect(maxInAnySecond(departures)).toBeLessThanOrEqual(5);
  });

  it('tells a request that would queue too long to come back later', async () => {
    store = await openDatabase(sqliteUrl());
    const rate = createUpstreamRate(store, 1, Date.now, () => Promise.resolve());
    expect((await rate.take(0)).ok).toBe(true);
    const refused = await rate.take(0);
    expect(refused).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
  });
});
