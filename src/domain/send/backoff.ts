// How long the send queue waits before trying a story again: full-jitter backoff, never shorter
// than the server's Retry-After. Random numbers and the clock are passed in.

export type BackoffOptions = { baseMs?: number; capMs?: number };

export const DEFAULT_BASE_MS = 2_000;
export const DEFAULT_CAP_MS = 300_000;
/** A Retry-After longer than this is read as this: a confused server must not park the queue for years. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

function nonNegative(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && value >= 0 && !Number.isNaN(value) ? value : fallback;
}

/**
 * The wait before try `attempt + 1` (attempt 0 = the first retry): a random share of
 * min(cap, base × 2^attempt), and at least `retryAfterMs`. Never NaN or Infinity for any input,
 * never below Retry-After, never above max(cap, Retry-After).
 */
export function nextDelayMs(
  attempt: number,
  random: () => number,
  options: BackoffOptions = {},
  retryAfterMs?: number,
): number {
  const capMs = Math.min(nonNegative(options.capMs, DEFAULT_CAP_MS), Number.MAX_VALUE);
  const baseMs = Math.min(nonNegative(options.baseMs, DEFAULT_BASE_MS), capMs);
  // 2^1100 is Infinity, but min(cap, …) is cap for any base > 0, and 0 × Infinity would be NaN.
  const exponent = Math.min(nonNegative(attempt, 0), 1100);
  const ceiling = baseMs === 0 ? 0 : Math.min(capMs, baseMs * 2 ** exponent);
  const r = random();
  const share = typeof r === 'number' && r > 0 ? Math.min(r, 1) : 0;
  const floor = Math.min(nonNegative(retryAfterMs, 0), Number.MAX_VALUE);
  return Math.max(floor, share * ceiling);
}

/**
 * A `Retry-After` header as milliseconds from `now`: delay-seconds ("120") or an HTTP date
 * ("Wed, 21 Oct 2026 07:28:00 GMT", read only when `now` is given). Undefined when absent or
 * unreadable; capped at one day.
 */
export function parseRetryAfter(value: string | null | undefined, now?: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // Date.parse reads almost anything ("1" is the year 2001): require a day or month name.
  if (now === undefined || !Number.isFinite(now) || !/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}
