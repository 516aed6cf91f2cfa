import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORD_LIMIT, WORD_MILESTONES, wordMilestone } from '../../../src/domain/fields/wordCount.ts';

describe('wordMilestone (what a screen reader hears of the word count)', () => {
  it.each([
    [0, 1, null],
    [98, 99, null],
    [99, 100, { words: 100, over: false }],
    [100, 101, null],
    [240, 260, { words: 250, over: false }],
    [0, 600, { words: 500, over: false }],
    [999, 1000, { words: 1000, over: false }],
    [1000, 1001, { words: 1001, over: true }],
    [900, 1200, { words: 1200, over: true }],
    [1001, 1100, null],
    [300, 200, null],
    [1200, 900, null],
  ])('%i → %i words says %j', (before, after, said) => {
    expect(wordMilestone(before, after)).toEqual(said);
  });

  it('typing a story word by word says each milestone once, and the limit once', () => {
    const said: (number | string)[] = [];
    for (let n = 1; n <= 1500; n++) {
      const one = wordMilestone(n - 1, n);
      if (one) said.push(one.over ? 'over' : one.words);
    }
    expect(said).toEqual([...WORD_MILESTONES, 'over']);
  });

  it('never speaks when the count goes down or stays', () => {
    fc.assert(
      fc.property(fc.nat(3 * WORD_LIMIT), fc.nat(3 * WORD_LIMIT), (a, b) => {
        const [high, low] = a >= b ? [a, b] : [b, a];
        expect(wordMilestone(high, low)).toBeNull();
      }),
    );
  });
});
