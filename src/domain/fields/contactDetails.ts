// Contact details inside a username: an email address, a phone number or an NHS number would be
// published with the story, so each blocks (username.ts), as an offensive word does.

export type ContactCode = 'emailAddress' | 'phoneNumber' | 'nhsNumber';

// Something@something.something: the shape of an address, whatever the letters around it.
const EMAIL = /[^\s@]@[^\s@]*[^\s@.]\.[^\s@.]/u;
// A run of digits with the separators people write numbers with: spaces, dashes, dots, brackets, a leading +.
const NUMBER_RUN = /\+?[\s(]*\d(?:[\s().-]*\d)*/gu;
const PHONE_DIGITS_MIN = 9;
const PLUS_PHONE_DIGITS_MIN = 7;
const PHONE_DIGITS_MAX = 15;
// 3-3-4 with a space or dash, first digit not 0 (a UK phone number starts with 0).
const NHS_GROUPED = /(?<!\d)[1-9]\d{2}([ -])\d{3}\1\d{4}(?!\d)/u;
const NHS_PLAIN = /(?<!\d)[1-9]\d{9}(?!\d)/gu;

/** Modulus 11 on the first nine digits, weights 10 down to 2; 11 reads as 0, 10 is never valid. */
export function nhsCheckDigitValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

function looksLikeNhs(run: string): boolean {
  if (/^\s*[+(]/u.test(run)) return false; // a country code or an area code in brackets: a phone
  if (NHS_GROUPED.test(run)) return true;
  return [...run.matchAll(NHS_PLAIN)].some((m) => nhsCheckDigitValid(m[0]));
}

function numberCode(run: string): ContactCode | null {
  const digits = run.replace(/\D/gu, '').length;
  const plus = run.trimStart().startsWith('+');
  if (looksLikeNhs(run)) return 'nhsNumber';
  if (digits > PHONE_DIGITS_MAX + 4) return 'phoneNumber'; // still contact-like: a long run of digits
  if (digits >= PHONE_DIGITS_MIN || (plus && digits >= PLUS_PHONE_DIGITS_MIN)) return 'phoneNumber';
  return null;
}

/** The first contact detail found in a username, or null. */
export function findContactDetails(value: string): ContactCode | null {
  if (EMAIL.test(value)) return 'emailAddress';
  for (const match of value.matchAll(NUMBER_RUN)) {
    const code = numberCode(match[0]);
    if (code) return code;
  }
  return null;
}
