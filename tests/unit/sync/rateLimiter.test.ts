// The shared limiter never lets more than N requests start in any one-second window.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';

function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
    },
  };
}

describe('createRateLimiter', () => {
  it('lets 5 through at once, then spaces the rest a second apart', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(5, clock.now, clock.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 12; i++) {
      await limiter.acquire();
      starts.push(clock.now());
    }
    expect(starts).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
  });

  it('never starts more than N requests in any window, however calls interleave', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 40 }),
        async (n, gaps) => {
          const clock = fakeClock();
          const limiter = createRateLimiter(n, clock.now, clock.sleep);
          const starts: number[] = [];
          for (const gap of gaps) {
            await clock.sleep(gap);
            await limiter.acquire();
            starts.push(clock.now());
          }
          for (const s of starts)
            expect(starts.filter((t) => t >= s && t < s + 1000).length).toBeLessThanOrEqual(n);
        },
      ),
    );
  });

  it('stops waiting when the caller cancels', async () => {
    const limiter = createRateLimiter(
      1,
      () => 0,
      (_ms, signal) =>
        new Promise((_r, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')))),
    );
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow('aborted');
  });
});
