import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY, readDisplay } from '../../../src/domain/settings/display.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { formatFor, loadMessages } from '../../../src/domain/words/index.ts';

/** Every key path of a catalogue, with the kind of value (text or a function of its arguments). */
function shape(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: text`];
  if (typeof value === 'function') return [`${path}: function/${value.length}`];
  if (typeof value === 'object' && value !== null && path !== '.format') {
    return Object.entries(value).flatMap(([key, inner]) => shape(inner, `${path}.${key}`));
  }
  return [`${path}: ${typeof value}`];
}

describe('message catalogues', () => {
  it('Welsh has exactly the keys of English (UK), each of the same kind', async () => {
    const cy = await loadMessages('cy');
    expect(shape(cy)).toEqual(shape(enGB));
  });

  it('no message is empty in either language', async () => {
    const cy = await loadMessages('cy');
    const texts = (m: unknown): string[] =>
      typeof m === 'string' ? [m] : typeof m === 'object' && m ? Object.values(m).flatMap(texts) : [];
    expect(texts(enGB).filter((t) => t.trim() === '')).toEqual([]);
    expect(texts(cy).filter((t) => t.trim() === '')).toEqual([]);
  });

  it('each catalogue formats for its own language', async () => {
    const cy = await loadMessages('cy');
    expect(enGB.format.language).toBe('en-GB');
    expect(cy.format.language).toBe('cy');
    const day = Date.UTC(2026, 11, 1, 12);
    expect(enGB.format.date(day)).toBe('1 December 2026');
    expect(cy.format.date(day)).toBe('1 Rhagfyr 2026');
  });

  it('Welsh plurals choose among its six forms', () => {
    const { plural } = formatFor('cy');
    const forms = {
      zero: '{n} stori (z)',
      one: '{n} stori',
      two: '{n} stori (d)',
      few: '{n} stori (f)',
      many: '{n} stori (m)',
      other: '{n} o straeon',
    };
    expect([0, 1, 2, 3, 6, 7].map((n) => plural(n, forms))).toEqual([
      '0 stori (z)',
      '1 stori',
      '2 stori (d)',
      '3 stori (f)',
      '6 stori (m)',
      '7 o straeon',
    ]);
    expect(formatFor('en-GB').plural(1200, { one: '{n} story', other: '{n} stories' })).toBe('1,200 stories');
  });
});

describe('display preferences', () => {
  it('reads a damaged record field by field, keeping what is valid', () => {
    expect(readDisplay(undefined)).toEqual(DEFAULT_DISPLAY);
    expect(readDisplay({ language: 'cy', theme: 'purple', textSize: 175 })).toEqual({
      ...DEFAULT_DISPLAY,
      language: 'cy',
    });
    expect(readDisplay({ language: 'fr', theme: 'dark', textSize: 200 })).toEqual({
      language: 'en-GB',
      theme: 'dark',
      textSize: 200,
    });
  });
});
