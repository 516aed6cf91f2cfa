import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLength, countWords, WORD_LIMIT } from '../../../src/domain/fields/wordCount.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { lengthWarning } from '../../../src/domain/words/fieldWords.ts';
import { formatFor } from '../../../src/domain/words/index.ts';
import { anyText } from './textArbitraries';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['   ', 0],
    ['one', 1],
    ['  two   words  ', 2],
    ['line\nbreaks\tand\ttabs', 4],
    ['non\u00a0breaking\u2003spaces', 3],
    ['Well — it was fine …', 4],
    ['- * ! ?', 0],
    ["don't stop", 2],
    ['café naïve 東京', 3],
    ['I ❤️ the nurses', 4],
    ['Ward 7, bed 12.', 4],
  ])('%j has %i words', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it('never throws and never goes negative', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(countWords(s)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkLength', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it('says nothing at the limit', () => {
    expect(checkLength(words(WORD_LIMIT))).toEqual({ words: 1000, over: false, limit: 1000 });
    expect(lengthWarning(checkLength(words(WORD_LIMIT)), enGB)).toBeNull();
  });

  it('warns above the limit, with both counts, and says nothing is cut', () => {
    expect(checkLength(words(1234))).toEqual({ words: 1234, over: true, limit: 1000 });
    expect(lengthWarning(checkLength(words(1234)), enGB)).toBe(
      'Care Opinion asks for 1,000 words or fewer — this story has 1,234. Nothing will be cut.',
    );
  });

  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234567, '1,234,567'],
  ])('formats %i as %j', (n, text) => {
    expect(enGB.format.number(n)).toBe(text);
  });

  it('words the count with each language’s plural forms', async () => {
    const cy = (await import('../../../src/domain/words/cy/index.ts')).cy;
    expect([0, 1, 1000].map(enGB.story.words)).toEqual(['0 words', '1 word', '1,000 words']);
    expect([1, 2, 3, 6, 7, 1234].map(cy.story.words)).toEqual([
      '1 gair',
      '2 air',
      '3 gair',
      '6 gair',
      '7 o eiriau',
      '1,234 o eiriau',
    ]);
    expect(lengthWarning(checkLength(words(1001)), cy)).toBe(
      'Mae Care Opinion yn gofyn am 1,000 o eiriau neu lai — mae gan y stori hon 1,001. Ni fydd dim yn cael ei dorri.',
    );
    expect(formatFor('cy').number(1000)).toBe('1,000');
  });
});
