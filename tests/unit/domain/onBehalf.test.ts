import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MIN_STORIES_TO_WARN,
  onBehalfShareOf,
  type ShareVerdict,
  shareVerdict,
} from '../../../src/domain/story/onBehalf';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';

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

describe('shareVerdict: warn only when the share means something', () => {
  it.each([
    [{ onBehalf: 0, all: 0 }, false, 'quiet', 'no stories yet'],
    [
      { onBehalf: 0, all: 0 },
      true,
      'quiet',
      'the first story on behalf of the month is 100% of 1: says nothing',
    ],
    [{ onBehalf: 3, all: 5 }, false, 'quiet', '60% of 5 stories: too few to mean anything'],
    [{ onBehalf: 5, all: 18 }, true, 'quiet', 'the next would make 6 of 19: still under 20 stories'],
    [{ onBehalf: 5, all: 19 }, true, 'warn', 'the next would make 6 of 20 (30%), with 20 stories'],
    [{ onBehalf: 0, all: 19 }, true, 'quiet', 'the next would make 1 of 20: exactly 5%, not over'],
    [{ onBehalf: 1, all: 19 }, true, 'warn', 'the next would make 2 of 20: 10%'],
    [{ onBehalf: 1, all: 20 }, false, 'quiet', '1 of 20 is 5%: not over'],
    [{ onBehalf: 2, all: 20 }, false, 'warn', '2 of 20 is 10%: over, with 20 stories'],
    [{ onBehalf: 4, all: 99 }, true, 'quiet', 'the next would make 5 of 100: exactly 5%'],
    [{ onBehalf: 5, all: 99 }, true, 'warn', 'the next would make 6 of 100: over'],
  ] as [{ onBehalf: number; all: number }, boolean, ShareVerdict, string][])(
    '%j, adding %s → %s (%s)',
    (month, adding, expected) => {
      expect(shareVerdict(month, 0.05, adding)).toBe(expected);
    },
  );

  it('a threshold of 100% never warns; a threshold that makes no sense falls back to 5%', () => {
    expect(shareVerdict({ onBehalf: 40, all: 40 }, 1, true)).toBe('quiet');
    expect(shareVerdict({ onBehalf: 2, all: 20 }, Number.NaN)).toBe('warn');
    expect(shareVerdict({ onBehalf: 2, all: 20 })).toBe('warn');
  });

  const month = fc
    .tuple(fc.nat(200), fc.nat(200))
    .map(([a, b]) => ({ onBehalf: Math.min(a, b), all: Math.max(a, b) }));
  const threshold = fc.double({ min: 0, max: 1, noNaN: true });

  it('never warns below 20 stories in the month, unless the next story takes it over with 20 or more', () => {
    fc.assert(
      fc.property(month, threshold, fc.boolean(), (m, t, adding) => {
        const counted = m.all + (adding ? 1 : 0);
        if (counted < MIN_STORIES_TO_WARN) expect(shareVerdict(m, t, adding)).toBe('quiet');
        if (shareVerdict(m, t, adding) === 'warn') {
          expect(counted).toBeGreaterThanOrEqual(20);
          expect((m.onBehalf + (adding ? 1 : 0)) / counted).toBeGreaterThan(t);
        }
      }),
    );
  });

  it('is monotonic: more stories on behalf, a lower threshold, or one more on its way never silence a warning', () => {
    fc.assert(
      fc.property(month, threshold, fc.boolean(), (m, t, adding) => {
        if (shareVerdict(m, t, adding) !== 'warn') return;
        // One more story on behalf collected (the month grows by one, the share does not fall).
        expect(shareVerdict({ onBehalf: m.onBehalf + 1, all: m.all + 1 }, t, adding)).toBe('warn');
        // One of the month's stories was on behalf after all.
        if (m.onBehalf < m.all)
          expect(shareVerdict({ onBehalf: m.onBehalf + 1, all: m.all }, t, adding)).toBe('warn');
        expect(shareVerdict(m, t / 2, adding)).toBe('warn');
        expect(shareVerdict(m, t, true)).toBe('warn');
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
  ])('formats %d as %s (the catalogue’s percent)', (share, text) => {
    expect(enGB.format.percent(share)).toBe(text);
  });
});
