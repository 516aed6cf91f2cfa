// Where a field Care Opinion refused is fixed: the guide step and the field's name in plain words,
// so "Needs attention" can say what to change and link to the step that changes it.

import type { StepIndex } from '../story/steps.ts';

/** A field's name in the catalogue's `story.fields`. */
export type FieldLabel =
  | 'focusTheme'
  | 'title'
  | 'body'
  | 'whatWasGood'
  | 'whatCouldBeDifferent'
  | 'services'
  | 'author'
  | 'username'
  | 'email'
  | 'postcode'
  | 'role'
  | 'ageGroup'
  | 'postedOnBehalf'
  | 'consent'
  | 'consentPublish'
  | 'consentGivenAt'
  | 'consentRecordedBy'
  | 'anywhere';

/** `label` names the field's words in the catalogue's `story.fields`. */
export type FieldPlace = { step: StepIndex; label: FieldLabel };

const FIELDS: Readonly<Record<string, FieldPlace>> = {
  focusTheme: { step: 0, label: 'focusTheme' },
  title: { step: 1, label: 'title' },
  body: { step: 1, label: 'body' },
  whatWasGood: { step: 1, label: 'whatWasGood' },
  whatCouldBeDifferent: { step: 1, label: 'whatCouldBeDifferent' },
  healthservices: { step: 2, label: 'services' },
  author: { step: 3, label: 'author' },
  'author.username': { step: 3, label: 'username' },
  'author.email': { step: 3, label: 'email' },
  'author.postcode': { step: 3, label: 'postcode' },
  'author.role': { step: 3, label: 'role' },
  'author.ageGroup': { step: 3, label: 'ageGroup' },
  postedOnBehalf: { step: 3, label: 'postedOnBehalf' },
  // Consent is given on the last step, after the read-back.
  consent: { step: 4, label: 'consent' },
  'consent.publish': { step: 4, label: 'consentPublish' },
  'consent.givenAt': { step: 4, label: 'consentGivenAt' },
  'consent.recordedBy': { step: 4, label: 'consentRecordedBy' },
};

const ANYWHERE: FieldPlace = { step: 4, label: 'anywhere' };

/**
 * The step and label for a server field path. Paths may index lists or use JSON Pointer
 * (`healthservices[0].nacs`, `/author/postcode`); an unknown part falls back to its parent
 * (`author.pronouns` → About the storyteller), an unknown field to "Check and finish".
 */
export function placeField(field: string): FieldPlace {
  if (typeof field !== 'string') return ANYWHERE;
  const parts = field
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter((part) => part !== '' && !/^\d+$/.test(part));
  for (let length = parts.length; length > 0; length--) {
    const path = parts.slice(0, length).join('.');
    // hasOwn: "constructor" or "toString" from a server must not find Object's own members.
    if (Object.hasOwn(FIELDS, path)) return FIELDS[path] ?? ANYWHERE;
  }
  return ANYWHERE;
}

/**
 * A server may echo what it refused ("NG5 1PB is not a postcode"). Its messages are kept on the
 * device in the clear beside the queue entry, so any of the story's own personal values in them is
 * blanked out first.
 */
export function redactFieldErrors<T extends { field: string; message: string }>(
  errors: readonly T[],
  secrets: readonly string[],
): T[] {
  const words = secrets.map((s) => s.trim()).filter((s) => s.length >= 3);
  if (words.length === 0) return errors.map((error) => ({ ...error }));
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  return errors.map((error) => ({ ...error, message: error.message.replace(pattern, '…') }));
}
