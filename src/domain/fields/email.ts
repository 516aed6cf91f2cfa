// The storyteller's email address: a pragmatic validity rule, the "No email address" choice, masking.
// Care Opinion only uses the address to say when the story is published or answered.

export type EmailCheck = { ok: true; email: string | null } | { ok: false; code: EmailProblem };
/** Why an address is refused; the words are the catalogue's `storyteller.email`. */
export type EmailProblem = 'empty' | 'format';

const MAX_LENGTH = 254;

/** One @, something before it, a domain with a dot inside it, no spaces, at most 254 characters. */
export function isEmail(value: string): boolean {
  const email = String(value);
  if (email.length === 0 || email.length > MAX_LENGTH || /\s/.test(email)) return false;
  const at = email.indexOf('@');
  if (at < 1 || at !== email.lastIndexOf('@')) return false;
  const domain = email.slice(at + 1);
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => label.length > 0);
}

/** With "No email address" ticked the answer is always ok with no email (the story is posted on behalf). */
export function checkEmail(value: string, noEmail: boolean): EmailCheck {
  if (noEmail) return { ok: true, email: null };
  const email = String(value).trim();
  if (email === '') {
    return { ok: false, code: 'empty' };
  }
  if (!isEmail(email)) {
    return { ok: false, code: 'format' };
  }
  return { ok: true, email };
}

/** An address for read-backs: first letters and the last part of the domain only, e.g. "p•••@e•••.org". */
export function maskEmail(value: string): string {
  const email = String(value).trim();
  const at = email.lastIndexOf('@');
  if (at < 1) return email === '' ? '' : '•••';
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const ending = dot > 0 ? domain.slice(dot) : '';
  const first = Array.from(domain)[0] ?? '';
  return `${Array.from(local)[0] ?? ''}•••@${first}•••${ending}`;
}
