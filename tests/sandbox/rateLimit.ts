// The per-key limit (5 requests a second by default), as a sliding one-second window.
// Requests turned away are not counted, so a client that waits as told gets through.

export type RateCheck = { ok: true } | { ok: false; retryAfter: number };

export type RateLimiter = {
  take(key: string): RateCheck;
  reset(): void;
};

const WINDOW_MS = 1000;

export function createRateLimiter(rate: number, now: () => number): RateLimiter {
  const hits = new Map<string, number[]>();
  return {
    take(key) {
      const at = now();
      const recent = (hits.get(key) ?? []).filter((t) => t > at - WINDOW_MS);
      if (recent.length >= rate) {
        const oldest = recent[0] ?? at;
        hits.set(key, recent);
        return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + WINDOW_MS - at) / 1000)) };
      }
      recent.push(at);
      hits.set(key, recent);
      return { ok: true };
    },
    reset: () => hits.clear(),
  };
}
