// The catalogues' formatting (words/language.ts): the one shared date formatter in English (UK) and
// Welsh, percentages, lists and durations through Intl, and no other date format built anywhere in src.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { formatDate, formatFor, loadMessages } from '../../../src/domain/words/index.ts';

// Local time, so the answers do not depend on the machine's time zone.
const AT = new Date(2026, 11, 1, 9, 5, 7).getTime();

describe('the shared date formatter', () => {
  it.each([
    ['en-GB', 'date', '1 December 2026'],
    ['en-GB', 'time', '09:05'],
    ['en-GB', 'dayTime', '1 Dec, 09:05'],
    ['en-GB', 'stamp', '01/12/2026, 09:05:07'],
    ['cy', 'date', '1 Rhagfyr 2026'],
    ['cy', 'time', '09:05'],
    ['cy', 'dayTime', '1 Rhag, 09:05'],
    ['cy', 'stamp', '1/12/2026, 09:05:07'],
  ] as const)('%s %s: %s', (language, style, text) => {
    expect(formatDate(language, style, AT)).toBe(text);
  });

  it('is what every catalogue date says, in both languages', async () => {
    const cy = await loadMessages('cy');
    for (const [language, t] of [
      ['en-GB', enGB],
      ['cy', cy],
    ] as const) {
      expect(t.home.rowTime(AT)).toBe(formatDate(language, 'dayTime', AT));
      expect(t.card.dateValue(AT)).toBe(formatDate(language, 'date', AT));
      expect(t.handoff.consentGiven(AT)).toContain(formatDate(language, 'stamp', AT));
      expect(t.story.receipt(false, AT, undefined)).toContain(formatDate(language, 'dayTime', AT));
      expect(t.steps.finish.consentRecorded(AT, 'Sam')).toContain(formatDate(language, 'time', AT));
      expect(t.steps.finish.consentRecorded(AT, 'Sam')).toContain(formatDate(language, 'date', AT));
    }
    expect(enGB.handoff.consentGiven(AT)).toBe(
      'Consent to publish on Care Opinion given 01/12/2026, 09:05:07.',
    );
    expect(cy.story.receipt(false, AT, undefined)).toMatch(/^Derbyniwyd gan Care Opinion ar 1 Rhag, 09:05\./);
  });

  it('is the only place in src that builds a date format', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
      );
    const builders = files('src')
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) => /DateTimeFormat|toLocale(Date|Time)?String/.test(readFileSync(file, 'utf8')))
      .map((file) => relative('src', file));
    expect(builders).toEqual(['domain/words/language.ts']);
  });
});

describe('numbers, lists and durations', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    [0, '0%'],
    [0.125, '13%'],
    [1.5, '150%'],
    [Number.POSITIVE_INFINITY, '0%'],
  ])('percent %d is %s in both languages', (fraction, text) => {
    expect(formatFor('en-GB').percent(fraction)).toBe(text);
    expect(formatFor('cy').percent(fraction)).toBe(text);
  });

  it('lists as a label does, with commas and no "and"', () => {
    expect(formatFor('en-GB').list(['Ward 7', 'Eye clinic', 'Pharmacy'])).toBe(
      'Ward 7, Eye clinic, Pharmacy',
    );
    expect(formatFor('cy').list(['Ward 7', 'Eye clinic'])).toBe('Ward 7, Eye clinic');
    expect(enGB.steps.progress.stillNeeded(['title', 'author.username'])).toBe(
      'Still needed: title, username',
    );
  });

  it('words durations with Intl, Welsh mutations included', async () => {
    const cy = await loadMessages('cy');
    expect([1, 2, 45].map((n) => formatFor('en-GB').unit(n, 'second'))).toEqual([
      '1 second',
      '2 seconds',
      '45 seconds',
    ]);
    expect(enGB.lock.lockout(1, 5, 0)).toContain('try again in 1 hour 5 minutes.');
    expect(cy.lock.lockout(0, 2, 0)).toContain('ymhen 2 funud.');
    expect(cy.lock.lockout(2, 10, 0)).toContain('ymhen 2 awr 10 munud.');
    expect(cy.handover.idleWarning(30)).toContain('ymhen 30 eiliad.');
  });

  it('keeps a Welsh sentence Welsh where the browser has no Welsh number words', () => {
    vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf').mockReturnValue([]);
    const { unit } = formatFor('cy');
    // Forms Intl would never write, to tell the fallback from Intl's own words.
    const forms = { two: '{n} (dau) funud', other: '{n} (rhai) munud' };
    expect(unit(2, 'minute', forms)).toBe('2 (dau) funud');
    expect(unit(5, 'minute', forms)).toBe('5 (rhai) munud');
    // With the words, Intl's.
    vi.restoreAllMocks();
    expect(formatFor('cy').unit(2, 'minute', forms)).toBe('2 funud');
  });

  it('chooses the tries left by plural rule', async () => {
    const cy = await loadMessages('cy');
    expect([1, 2].map((n) => enGB.lock.triesLeft(n))).toEqual([
      '1 more try before a short wait.',
      '2 more tries before a short wait.',
    ]);
    expect([1, 2].map((n) => cy.lock.triesLeft(n))).toEqual([
      '1 cynnig arall cyn aros am ychydig.',
      '2 gynnig arall cyn aros am ychydig.',
    ]);
  });
});
