// The story fields' codes in words: why a username blocks or warns (with its suggestion), why a
// postcode or an email address is refused, the 1,000-word warning, and what a story still needs.
import type { Reason } from '../fields/username.ts';
import type { LengthCheck } from '../fields/wordCount.ts';
import type { Region } from '../settings/settings.ts';
import type { MissingProblem } from '../story/sendReadiness.ts';
import type { Messages } from './index.ts';

/** A username reason read out in full: what is wrong, then what to try instead. */
export function usernameReasonText(reason: Reason, t: Messages): string {
  const words = t.storyteller.username[reason.code];
  return `${words.message} ${words.suggestion}`;
}

/** Why a postcode was refused, naming what one looks like in its region. */
export function postcodeProblem(check: { code: 'empty' | 'format'; region: Region }, t: Messages): string {
  const words = t.storyteller.postcode;
  return words[check.code](words.looksLike[check.region]);
}

/** Above Care Opinion's 1,000 words: a warning that says nothing will be cut (null at or below it). */
export function lengthWarning(check: LengthCheck, t: Messages): string | null {
  return check.over ? t.story.overLimit(check.limit, check.words) : null;
}

/** A missing item in words a staff member can read out. */
export function missingText(problem: MissingProblem, t: Messages): string {
  switch (problem.code) {
    case 'notAccepted':
      // The field's own name in the chosen language (never its English key), quoted.
      return t.story.missing.notAccepted(t.story.fields[problem.field]);
    case 'usernameRefused':
      return usernameReasonText(problem.reason, t);
    case 'postcode':
      return postcodeProblem({ code: problem.check, region: problem.region }, t);
    case 'email':
      return t.storyteller.email[problem.check];
    default:
      return t.story.missing[problem.code];
  }
}
