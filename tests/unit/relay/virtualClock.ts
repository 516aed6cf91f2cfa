// A made-up clock for the shared rate: sleeps wait for the clock, and the clock moves only when
// this driver moves it — to the earliest sleeper, once the work in hand has run (a macrotask
// turn). Timers can fire late and reading the clock can stall, as on a busy machine, from a
// seeded source, so a run replays exactly and a test asserts on the times the rate hands out.
import type { RateClock } from '../../../relay/upstreamRate.ts';

export type VirtualClock = RateClock & {
  /** The time now, without a stall: when a request really leaves. */
  peek(): number;
  /** Moves the clock from sleeper to sleeper until `work` settles. */
  drive<T>(work: Promise<T>): Promise<T>;
};

export type Busy = {
  /** Extra ms a timer fires after its time. */
  late?: () => number;
  /** Ms the clock jumps while it is read (a stalled event loop, a lock wait). */
  stall?: () => number;
};

/** mulberry32: a seeded source in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function virtualClock(busy: Busy = {}, start = 1_000_000): VirtualClock {
  let time = start;
  const sleepers: { due: number; order: number; wake: () => void }[] = [];
  let order = 0;
  return {
    now() {
      time += busy.stall?.() ?? 0;
      return time;
    },
    peek: () => time,
    sleep(ms) {
      return new Promise((wake) => {
        sleepers.push({ due: time + ms + (busy.late?.() ?? 0), order: order++, wake });
      });
    },
    async drive(work) {
      let settled = false;
      const done = work.finally(() => {
        settled = true;
      });
      while (!settled) {
        await turn();
        if (settled || sleepers.length === 0) continue;
        sleepers.sort((a, b) => a.due - b.due || a.order - b.order);
        const next = sleepers.shift() as (typeof sleepers)[number];
        time = Math.max(time, next.due);
        next.wake();
      }
      return done;
    },
  };
}
