import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEmail, isEmail, maskEmail } from '../../../src/domain/fields/email';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { anyText } from './textArbitraries';

describe('checkEmail', () => {
  it.each([
    ['person@example.org', 'person@example.org'],
    ['  person@example.org ', 'person@example.org'],
    ['first.last+tag@mail.example.co.uk', 'first.last+tag@mail.example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie"],
  ])('accepts %j', (input, email) => {
    expect(checkEmail(input, false)).toEqual({ ok: true, email });
  });

  const format =
    "This email address doesn't look right. It should look like name@example.org, with no spaces.";
  it.each([
    ['', 'Ask for an email address, or tick "No email address".'],
    ['   ', 'Ask for an email address, or tick "No email address".'],
    ['person', format],
    ['person@example', format],
    ['@example.org', format],
    ['person@@example.org', format],
    ['per@son@example.org', format],
    ['per son@example.org', format],
    ['person@example.', format],
    ['person@.org', format],
    ['person@example..org', format],
    [`${'a'.repeat(250)}@b.co`, format],
  ])('refuses %j with a reason', (input, reason) => {
    const result = checkEmail(input, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(enGB.storyteller.email[result.code]).toBe(reason);
  });

  it('with "No email address" ticked, anything is ok and the email is null', () => {
    expect(checkEmail('', true)).toEqual({ ok: true, email: null });
    expect(checkEmail('person@example.org', true)).toEqual({ ok: true, email: null });
    expect(checkEmail('not an email', true)).toEqual({ ok: true, email: null });
  });

  it('accepts exactly 254 characters and no more', () => {
    const at254 = `${'a'.repeat(247)}@b.co.uk`.slice(0, 254);
    expect(at254.length).toBe(254);
    expect(isEmail(at254)).toBe(true);
    expect(isEmail(`a${at254}`)).toBe(false);
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(anyText, fc.boolean(), (s, noEmail) => {
        const result = checkEmail(s, noEmail);
        expect(typeof result.ok).toBe('boolean');
        maskEmail(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('maskEmail', () => {
  it.each([
    ['person@example.org', 'p•••@e•••.org'],
    ['  sam@mail.example.co.uk ', 's•••@m•••.uk'],
    ['x@localhost', 'x•••@l•••'],
    ['nobody', '•••'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskEmail(input)).toBe(masked);
  });

  it('never shows the local part beyond its first character', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const local = email.slice(0, email.lastIndexOf('@'));
        const masked = maskEmail(email);
        if (local.length > 1) expect(masked.startsWith(local)).toBe(false);
        expect(masked).toContain('•••@');
      }),
    );
  });
});
