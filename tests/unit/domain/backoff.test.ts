// Full-jitter backoff and Retry-After: in bounds for any attempt, random value and Retry-After.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, nextDelayMs, parseRetryAfter } from '../../../src/domain/send/backoff.ts';

const always = (value: number) => () => value;

describe('nextDelayMs', () => {
  it('is a random share of base × 2^attempt', () => {
    expect(nextDelayMs(0, always(0.5))).toBe(1000);
    expect(nextDelayMs(3, always(0.5))).toBe(8000);
    expect(nextDelayMs(3, always(0))).toBe(0);
  });

  it('stops growing at the cap (5 minutes by default)', () => {
    expect(nextDelayMs(20, always(0.999_999))).toBeCloseTo(300_000, -1);
    expect(nextDelayMs(20, always(0.5), { baseMs: 100, capMs: 1000 })).toBe(500);
  });

  it('never waits less than Retry-After, even above the cap', () => {
    expect(nextDelayMs(0, always(0.1), {}, 30_000)).toBe(30_000);
    expect(nextDelayMs(30, always(0.1), {}, 900_000)).toBe(900_000);
  });

  it('survives huge attempts and odd random values', () => {
    expect(nextDelayMs(1e9, always(1))).toBe(300_000);
    expect(nextDelayMs(Number.POSITIVE_INFINITY, always(0.5))).toBe(150_000);
    expect(nextDelayMs(Number.NaN, always(Number.NaN))).toBe(0);
    expect(nextDelayMs(-4, always(7))).toBe(2000);
  });

  it('stays within [Retry-After, max(cap, Retry-After)] for any input, never NaN or Infinity', () => {
    const number = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(
        number,
        number,
        fc.option(number, { nil: undefined }),
        fc.option(number, { nil: undefined }),
        fc.option(number, { nil: undefined }),
        (attempt, r, baseMs, capMs, retryAfterMs) => {
          const options = {
            ...(baseMs === undefined ? {} : { baseMs }),
            ...(capMs === undefined ? {} : { capMs }),
          };
          const delay = nextDelayMs(attempt, () => r, options, retryAfterMs);
          expect(Number.isFinite(delay)).toBe(true);
          const floor =
            retryAfterMs !== undefined && retryAfterMs > 0 ? Math.min(retryAfterMs, Number.MAX_VALUE) : 0;
          const cap = capMs !== undefined && capMs >= 0 ? capMs : 300_000;
          expect(delay).toBeGreaterThanOrEqual(floor);
          expect(delay).toBeLessThanOrEqual(Math.max(cap, floor));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('with the defaults, stays within [0, 5 min] for any attempt and random in [0, 1)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const delay = nextDelayMs(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(Math.min(300_000, 2000 * 2 ** attempt));
      }),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T10:00:00Z');
  it.each([
    ['120', 120_000],
    [' 5 ', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['Tue, 24 Nov 2026 10:01:00 GMT', 60_000],
    ['Tue, 24 Nov 2026 09:00:00 GMT', 0],
    ['99999999', MAX_RETRY_AFTER_MS],
  ])('%j → %i ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });

  it.each([[null], [undefined], [''], ['soon'], ['-1'], ['12x'], ['Nonsense day']])(
    '%j → undefined',
    (value) => {
      expect(parseRetryAfter(value, now)).toBeUndefined();
    },
  );

  it('reads a date only when given the time now', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:01:00 GMT')).toBeUndefined();
    expect(parseRetryAfter('7')).toBe(7000);
  });
});
