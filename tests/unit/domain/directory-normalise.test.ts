// normalise(): the one form names and queries share, so case, accents and punctuation never matter.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../../src/domain/directory/normalise.ts';

describe('normalise', () => {
  it.each([
    ["St Mary's Hospital", 'st marys hospital'],
    ['St Mary’s Hospital', 'st marys hospital'],
    ['Thérèse Ward', 'therese ward'],
    ['Ear, Nose & Throat', 'ear nose and throat'],
    ['A&E (Accident/Emergency)', 'a and e accident emergency'],
    ['  Ward   7 -  North.  ', 'ward 7 north'],
    ["Children's Ward, Royal Infirmary", 'childrens ward royal infirmary'],
    ['Straße Praxis', 'strasse praxis'],
    ['Søren Ølby Clinic', 'soren olby clinic'],
    ['Mary´s', 'marys'],
    ['Ospidéal Naomh Séamus', 'ospideal naomh seamus'],
    ['', ''],
    ['   ', ''],
    ["'''", ''],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });

  it('never throws, and its output is stable (normalising twice changes nothing)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalise(text);
        expect(normalise(once)).toBe(once);
        expect(once).not.toMatch(/^ | $| {2}/);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers "" for a value that is not a string, rather than throwing', () => {
    for (const value of [undefined, null, 42, {}, []]) expect(normalise(value as unknown as string)).toBe('');
  });
});
