import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/messages/index.ts';
import { formatShare, onBehalfShareOf, wouldExceed } from '../../../src/domain/onBehalf';

describe('onBehalfShareOf', () => {
  it('gives this month and all time separately', () => {
    const counts = { month: { onBehalf: 1, all: 3 }, allTime: { onBehalf: 2, all: 6 } };
    expect(onBehalfShareOf(counts, 0.05)).toEqual({
      month: { onBehalf: 1, all: 3, share: 1 / 3 },
      allTime: { onBehalf: 2, all: 6, share: 2 / 6 },
      threshold: 0.05,
    });
  });

  it('is zero with no stories, and falls back to 5% for a threshold that makes no sense', () => {
    const none = { onBehalf: 0, all: 0 };
    expect(onBehalfShareOf({ month: none, allTime: none }, Number.NaN)).toEqual({
      month: { onBehalf: 0, all: 0, share: 0 },
      allTime: { onBehalf: 0, all: 0, share: 0 },
      threshold: 0.05,
    });
  });
});

describe('wouldExceed', () => {
  it.each([
    [{ onBehalf: 0, all: 99 }, 0.05, false, '1 of 100 is 1%'],
    [{ onBehalf: 4, all: 99 }, 0.05, false, '5 of 100 is exactly 5%'],
    [{ onBehalf: 5, all: 99 }, 0.05, true, '6 of 100 is over 5%'],
    [{ onBehalf: 0, all: 0 }, 0.05, true, 'the first story on behalf is 100%'],
    [{ onBehalf: 0, all: 0 }, 1, false, 'a threshold of 100% is never exceeded'],
  ])('%j at %d → %s (%s)', (share, threshold, expected) => {
    expect(wouldExceed(share, threshold)).toBe(expected);
  });

  it('defaults to 5%', () => {
    expect(wouldExceed({ onBehalf: 5, all: 99 })).toBe(true);
  });

  it('agrees with the share after adding one more story on behalf', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.double({ min: 0, max: 1, noNaN: true }), (a, b, t) => {
        const onBehalf = Math.min(a, b);
        const all = Math.max(a, b);
        expect(wouldExceed({ onBehalf, all }, t)).toBe((onBehalf + 1) / (all + 1) > t);
      }),
    );
  });
});

describe('alternatives and wording', () => {
  it('suggest a family email, a leaflet, and posting later', () => {
    const alternatives = Object.values(enGB.storyteller.onBehalfAlternatives).join(' ');
    expect(alternatives).toMatch(/family member.*email/);
    expect(alternatives).toContain('feedback leaflet');
    expect(alternatives).toContain('later on Care Opinion with their own email');
  });

  it.each([
    [0, '0%'],
    [0.045, '5%'],
    [1 / 3, '33%'],
    [Number.NaN, '0%'],
  ])('formats %d as %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });
});
