// Words for the story screens: titles, today's count, the collected share, withdrawing, the postcode offer.
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import {
  ageGroupLabel,
  postcodeToOffer,
  storyText,
  titleOf,
  withdrawnNote,
  withdrawWords,
} from '../../../src/domain/words/storyWords.ts';

describe('titleOf', () => {
  it.each([
    ['', 'Untitled story'],
    ['   ', 'Untitled story'],
    ['  A good day ', 'A good day'],
    ['<b>x</b>', '<b>x</b>'],
  ])('%j reads %j', (title, expected) => {
    expect(titleOf(title, enGB)).toBe(expected);
  });
});

describe("Home's counts for today and this session", () => {
  it('words what was collected, is waiting and was sent today, and what was sent this session', () => {
    expect(enGB.numbers.today(3, 1, 2)).toBe('Today: 3 collected · 1 waiting · 2 sent');
    expect(enGB.numbers.sentThisSession(12)).toBe('12 sent this session');
    expect(enGB.numbers.lockWaiting(3)).toBe('3 stories waiting to send — unlock to send them');
    expect(enGB.numbers.lockWaiting(1)).toBe('1 story waiting to send — unlock to send it');
  });
});

describe('withdrawWords', () => {
  it('before any attempt: deletes, nothing to take down', () => {
    const words = withdrawWords({ mayHaveArrived: false }, enGB, 'uk');
    expect(words.explanation).toContain('deletes');
    expect(words.takeDown).toBeNull();
  });
  it.each([{ mayHaveArrived: true }, { mayHaveArrived: true, sentId: '12345' }])(
    'after an attempt or once sent: may have arrived, and how to take it down (%j)',
    (story) => {
      const words = withdrawWords(story, enGB, 'uk');
      expect(words.explanation).toContain('may already have arrived');
      expect(words.takeDown).toContain('Care Opinion');
      if (story.sentId) expect(words.takeDown).toContain(story.sentId);
    },
  );
});

describe('withdrawn stories', () => {
  it('explains that deleting a withdrawn receipt removes it, and words the note', () => {
    expect(withdrawWords({ mayHaveArrived: true, withdrawn: true }, enGB, 'uk').explanation).toContain(
      'receipt',
    );
    expect(withdrawnNote({ mayHaveArrived: true }, enGB, 'uk')).toContain('contact Care Opinion');
    expect(withdrawnNote({}, enGB, 'uk')).toBe('Withdrawn: deleted from this device.');
    // Withdrawn while its request was in flight: the answer's id is kept for the take-down.
    expect(withdrawnNote({ mayHaveArrived: true, sentId: 'co-77' }, enGB, 'uk')).toContain(
      'Quote story number co-77',
    );
  });
});

describe('postcodeToOffer', () => {
  it('takes the first chosen service with a postcode, then the organisation’s, else nothing', () => {
    expect(postcodeToOffer([{}, { postcode: ' NG5 1PB ' }], 'LS1 4AP')).toBe('NG5 1PB');
    expect(postcodeToOffer([{ postcode: '' }], ' LS1 4AP ')).toBe('LS1 4AP');
    expect(postcodeToOffer([], '  ')).toBeNull();
  });
});

describe('storyText and ageGroupLabel', () => {
  it('joins the three answers for the word count', () => {
    expect(
      storyText({ body: 'a b', whatWasGood: 'c', whatCouldBeDifferent: 'd e' }).split(/\s+/),
    ).toHaveLength(5);
  });
  it('words an age group', () => {
    expect(ageGroupLabel('35-44', enGB)).toBe('35 to 44');
    expect(ageGroupLabel(undefined, enGB)).toBe('Not given');
    expect(ageGroupLabel('odd', enGB)).toBe('odd');
  });
});
