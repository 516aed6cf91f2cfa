import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkPostcode,
  isKnownPostcode,
  maskPostcode,
  normalisePostcode,
  REGIONS,
} from '../../../src/domain/fields/postcode';
import type { Region } from '../../../src/domain/settings/settings';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { postcodeProblem } from '../../../src/domain/words/fieldWords.ts';
import { anyText } from './textArbitraries';

describe('normalisePostcode', () => {
  it.each([
    ['uk', 'ng5 1pb', 'NG5 1PB'],
    ['uk', '  ng51pb ', 'NG5 1PB'],
    ['uk', 'sw1a   2aa', 'SW1A 2AA'],
    ['uk', 'EC1A1BB', 'EC1A 1BB'],
    ['au', '2000', '2000'],
    ['au', ' 08 00 ', '0800'],
    ['ie', 'd02x285', 'D02 X285'],
    ['ie', 'd6w 1234', 'D6W 1234'],
    ['ca', 'k1a0b1', 'K1A 0B1'],
    ['ca', 'm5v  3l9', 'M5V 3L9'],
    ['uk', ' not  a postcode ', 'NOT A POSTCODE'],
  ] as const)('%s %j → %j', (region, input, expected) => {
    expect(normalisePostcode(input, region)).toBe(expected);
  });
});

describe('checkPostcode', () => {
  it.each([
    ['uk', 'NG5 1PB', 'NG5 1PB'],
    ['au', '2000', '2000'],
    ['ie', 'D02 X285', 'D02 X285'],
    ['ca', 'K1A 0B1', 'K1A 0B1'],
  ] as const)('accepts %s %j', (region, input, postcode) => {
    expect(checkPostcode(input, region)).toEqual({ ok: true, postcode });
  });

  it.each([
    ['uk', '', 'Postcode is needed. A UK postcode looks like NG5 1PB.'],
    ['uk', '   ', 'Postcode is needed. A UK postcode looks like NG5 1PB.'],
    ['uk', 'NG5', "This postcode doesn't look right. A UK postcode looks like NG5 1PB."],
    ['uk', '2000', "This postcode doesn't look right. A UK postcode looks like NG5 1PB."],
    ['uk', 'N G5 1PB X', "This postcode doesn't look right. A UK postcode looks like NG5 1PB."],
    ['au', '200', "This postcode doesn't look right. An Australian postcode is 4 digits, like 2000."],
    ['au', '20000', "This postcode doesn't look right. An Australian postcode is 4 digits, like 2000."],
    ['au', '２０００', "This postcode doesn't look right. An Australian postcode is 4 digits, like 2000."],
    ['ie', 'D02 X28', "This postcode doesn't look right. An Eircode looks like D02 X285."],
    ['ie', 'B02 X285', "This postcode doesn't look right. An Eircode looks like D02 X285."],
    ['ca', 'D1A 0B1', "This postcode doesn't look right. A Canadian postal code looks like K1A 0B1."],
    ['ca', 'W1A 0B1', "This postcode doesn't look right. A Canadian postal code looks like K1A 0B1."],
    ['ca', 'NG5 1PB', "This postcode doesn't look right. A Canadian postal code looks like K1A 0B1."],
  ] as const)('refuses %s %j with the expected format', (region, input, reason) => {
    const result = checkPostcode(input, region);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(postcodeProblem(result, enGB)).toBe(reason);
  });

  it('falls back to UK rules for a region it does not know', () => {
    expect(checkPostcode('NG5 1PB', 'xx' as Region)).toEqual({ ok: true, postcode: 'NG5 1PB' });
  });

  it('knows the four regions, each with what its postcode looks like', () => {
    expect(REGIONS).toEqual(['uk', 'au', 'ie', 'ca']);
    expect(Object.keys(enGB.storyteller.postcode.looksLike)).toEqual([...REGIONS]);
  });

  it('isKnownPostcode accepts any region', () => {
    expect(['NG5 1PB', '2000', 'D02 X285', 'K1A 0B1'].every(isKnownPostcode)).toBe(true);
    expect(isKnownPostcode('hello')).toBe(false);
  });
});

describe('maskPostcode', () => {
  it.each([
    ['NG5 1PB', 'NG5 •••'],
    ['ng51pb', 'NG5 •••'],
    ['SW1A 2AA', 'SW1A •••'],
    ['D02X285', 'D02 •••'],
    ['K1A 0B1', 'K1A •••'],
    ['2000', '20••'],
    ['ab', '•••'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPostcode(input)).toBe(masked);
  });

  it('never shows the inward part of a UK postcode', () => {
    fc.assert(
      fc.property(ukPostcode(), (p) => {
        const inward = normalisePostcode(p, 'uk').split(' ')[1] ?? '';
        expect(maskPostcode(p)).not.toContain(inward);
      }),
    );
  });
});

const upper = 'ABCDEFGHIJKLMNOPRSTUWYZ';
const pick = (chars: string) => fc.constantFrom(...chars.split(''));
const digit = pick('0123456789');
const spacing = fc.constantFrom('', ' ', '  ');
const cased = (s: string, lower: boolean) => (lower ? s.toLowerCase() : s);

function ukPostcode() {
  return fc
    .tuple(
      pick(upper),
      fc.option(pick('ABCDEFGHKLMNOPQRSTUVWXY'), { nil: '' }),
      digit,
      fc.option(digit, { nil: '' }),
    )
    .chain(([a, b, d, e]) =>
      fc
        .tuple(spacing, digit, pick('ABDEFGHJLNPQRSTUWXYZ'), pick('ABDEFGHJLNPQRSTUWXYZ'), fc.boolean())
        .map(([gap, n, u1, u2, lower]) => cased(`${a}${b}${d}${e}${gap}${n}${u1}${u2}`, lower)),
    );
}

const generators: Record<Region, fc.Arbitrary<string>> = {
  uk: ukPostcode(),
  au: fc.tuple(digit, digit, digit, digit).map((d) => d.join('')),
  ie: fc
    .tuple(
      pick('ACDEFHKNPRTVWXY'),
      digit,
      digit,
      spacing,
      fc.array(pick('0123456789ACDEFHKNPRTVWXY'), { minLength: 4, maxLength: 4 }),
    )
    .map(([l, d1, d2, gap, rest]) => `${l}${d1}${d2}${gap}${rest.join('')}`.toLowerCase()),
  ca: fc
    .tuple(
      pick('ABCEGHJKLMNPRSTVXY'),
      digit,
      pick('ABCEGHJKLMNPRSTVWXYZ'),
      spacing,
      digit,
      pick('ABCEGHJKLMNPRSTVWXYZ'),
      digit,
    )
    .map((parts) => parts.join('')),
};

describe('postcode properties', () => {
  for (const region of ['uk', 'au', 'ie', 'ca'] as const) {
    it(`a normalised ${region} postcode validates again, unchanged`, () => {
      fc.assert(
        fc.property(generators[region], (p) => {
          const first = checkPostcode(p, region);
          expect(first.ok).toBe(true);
          const normal = normalisePostcode(p, region);
          expect(checkPostcode(normal, region)).toEqual({ ok: true, postcode: normal });
        }),
      );
    });
  }

  it('normalising is idempotent for any string in any region', () => {
    const region = fc.constantFrom<Region>('uk', 'au', 'ie', 'ca');
    fc.assert(
      fc.property(anyText, region, (s, r) => {
        const once = normalisePostcode(s, r);
        expect(normalisePostcode(once, r)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, fc.string(), (s, r) => {
        checkPostcode(s, r as Region);
        maskPostcode(s);
        isKnownPostcode(s);
      }),
      { numRuns: 500 },
    );
  });
});
