// Issue 24 item 6: contact details in a username block it (the username is published with the story).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_NAMES, toNameSet } from '../../../src/domain/fields/commonNames';
import { nhsCheckDigitValid } from '../../../src/domain/fields/contactDetails.ts';
import { checkUsername } from '../../../src/domain/fields/username';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { usernameReasonText } from '../../../src/domain/words/fieldWords.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';

const commonNames = toNameSet(COMMON_NAMES);
const CONTACT = ['emailAddress', 'phoneNumber', 'nhsNumber'];
const blockOf = (value: string) => checkUsername(value, { commonNames }).block?.code;

const letters = fc.stringMatching(/^[a-z]{3,10}$/);
// A pseudonym someone might pick: letters, maybe a short number (never 7+ digits) or a joining mark.
const pseudonym = fc
  .tuple(letters, fc.constantFrom('', '_', '.', '-'), letters, fc.option(fc.integer({ min: 0, max: 999 })))
  .map(([a, join, b, n]) => `${a}${join}${b}${n === null ? '' : n}`);
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const sep = fc.constantFrom(' ', '-', '', '.');

const ukMobile = fc
  .tuple(digits(3), digits(6), fc.constantFrom(' ', '-', ''), fc.boolean())
  .map(([a, b, s, intl]) => (intl ? `+44 7${a}${s}${b}` : `07${a}${s}${b}`));
const ukLandline = fc
  .tuple(digits(2), digits(4), digits(4), fc.constantFrom('space', 'brackets', 'dashes'))
  .map(([area, a, b, form]) =>
    form === 'brackets'
      ? `(01${area}) ${a} ${b}`
      : form === 'dashes'
        ? `01${area}-${a}-${b}`
        : `01${area} ${a} ${b}`,
  );
const international = fc
  .tuple(fc.integer({ min: 1, max: 998 }), digits(3), digits(4), sep, fc.constantFrom('+', '00'))
  .map(([cc, a, b, s, lead]) => `${lead}${cc} ${a}${s}${b}`);
const phone = fc.oneof(ukMobile, ukLandline, international);

const nhsNumber = digits(9)
  .filter((d) => d[0] !== '0')
  .map((nine) => {
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const check = 11 - (sum % 11);
    return check === 10 ? null : `${nine}${check === 11 ? 0 : check}`;
  })
  .filter((n): n is string => n !== null);
const nhsWritten = fc
  .tuple(nhsNumber, fc.constantFrom('plain', 'spaced', 'dashed'))
  .map(([n, form]) =>
    form === 'plain' ? n : [n.slice(0, 3), n.slice(3, 6), n.slice(6)].join(form === 'spaced' ? ' ' : '-'),
  );

// Embedded: before, after or between the words of a pseudonym, with or without a space.
const embedded = (contact: fc.Arbitrary<string>) =>
  fc
    .tuple(pseudonym, contact, fc.constantFrom('', ' '), fc.constantFrom('before', 'after', 'alone'))
    .map(([name, c, gap, where]) =>
      where === 'alone' ? c : where === 'before' ? `${c}${gap}${name}` : `${name}${gap}${c}`,
    );

describe('checkUsername: contact details block', () => {
  it('an email address anywhere in it blocks', () => {
    fc.assert(
      fc.property(embedded(fc.emailAddress()), (value) => {
        expect(blockOf(value)).toBe('emailAddress');
      }),
    );
  });

  it('a phone number (UK or international, spaces, dashes, brackets) anywhere in it blocks', () => {
    fc.assert(
      fc.property(embedded(phone), (value) => {
        // Digits of the pseudonym may join the number's run: it still blocks as contact details.
        expect(CONTACT).toContain(blockOf(value));
      }),
    );
    fc.assert(
      fc.property(phone, (value) => {
        expect(blockOf(value)).toBe('phoneNumber');
      }),
    );
  });

  it('an NHS number (10 digits, maybe 3-3-4) anywhere in it blocks', () => {
    fc.assert(
      fc.property(embedded(nhsWritten), (value) => {
        expect(CONTACT).toContain(blockOf(value));
      }),
    );
    fc.assert(
      fc.property(nhsWritten, (value) => {
        expect(blockOf(value)).toBe('nhsNumber');
      }),
    );
  });

  it('plain pseudonyms do not block', () => {
    fc.assert(
      fc.property(pseudonym, (value) => {
        const code = blockOf(value);
        // obscenity may find a rude word in random letters; contact details never.
        expect(code === undefined || code === 'offensive').toBe(true);
      }),
    );
  });

  it.each([
    ['bluebird77@gmail.com', 'emailAddress'],
    ['me at bluebird77@gmail.com', 'emailAddress'],
    ['07700 900123', 'phoneNumber'],
    ['+44 (0)20 7946 0958', 'phoneNumber'],
    ['call 020-7946-0958', 'phoneNumber'],
    ['+1 (555) 123-4567', 'phoneNumber'],
    ['943 476 5919', 'nhsNumber'],
    ['9434765919', 'nhsNumber'],
    ['nhs 943-476-5919', 'nhsNumber'],
  ])('%j blocks as %s, with the reason and a suggestion', (value, code) => {
    const { block } = checkUsername(value, { commonNames });
    expect(block?.code).toBe(code);
    const words = block ? usernameReasonText(block, enGB) : '';
    expect(words).toMatch(/published/);
    expect(words).toMatch(/Choose a username/);
  });

  it.each(['rugbyfan33', 'bookworm7', 'hillside4', 'route66', 'agent007', 'team 2024 fans', 'flat 12b'])(
    '%j does not block',
    (value) => {
      expect(checkUsername(value, { commonNames }).block).toBeNull();
    },
  );

  it('real names still warn without blocking', () => {
    expect(checkUsername('janesmith', { commonNames })).toEqual({
      block: null,
      warnings: [{ code: 'name' }],
    });
  });

  it('the check digit is modulus 11', () => {
    expect(nhsCheckDigitValid('9434765919')).toBe(true);
    expect(nhsCheckDigitValid('9434765918')).toBe(false);
  });

  it('Welsh words the reasons too', async () => {
    const cy = await loadMessages('cy');
    for (const code of ['emailAddress', 'phoneNumber', 'nhsNumber'] as const)
      expect(usernameReasonText({ code }, cy)).not.toBe(usernameReasonText({ code }, enGB));
  });
});
