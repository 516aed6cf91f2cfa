// One limiter shared by every Care Opinion call the app makes: at most N requests in any second
// (API.md: 5 per second per key). Callers wait their turn; the clock and sleep are injected.
export type RateLimiter = { acquire(signal?: AbortSignal): Promise<void> };

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

export function createRateLimiter(
  perSecond: number,
  now: () => number = Date.now,
  sleep: Sleep = realSleep,
  windowMs = 1000,
): RateLimiter {
  // Start times of the last `perSecond` requests (a sliding window), plus a queue so that
  // callers are served in order even when many wait at once.
  const starts: number[] = [];
  let tail: Promise<void> = Promise.resolve();
  async function take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const t = now();
      while (starts.length > 0 && (starts[0] ?? 0) <= t - windowMs) starts.shift();
      if (starts.length < perSecond) {
        starts.push(t);
        return;
      }
      await sleep((starts[0] ?? t) + windowMs - t, signal);
    }
  }
  return {
    acquire(signal) {
      const turn = tail.then(() => take(signal));
      // The caller gets turn's failure; the next turn only waits for this one to end.
      tail = turn.catch(() => undefined);
      return turn;
    },
  };
}
