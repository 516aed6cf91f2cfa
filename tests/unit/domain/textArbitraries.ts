// Text generators for the domain's property tests: plain, full Unicode, graphemes, lone surrogates.
import fc from 'fast-check';

/** Any string a person, a paste or a damaged store could hand the domain. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)) }),
);
