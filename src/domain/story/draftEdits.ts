// What an edit to a draft means. The answers are everything read back to the storyteller: a new story
// is kept only once one of them is given (a stray "New story" leaves nothing behind), and consent,
// given to the story as it was read back, is cleared by any later change to them. Moving between
// steps, and consent itself, are not answers.
import { type Draft, readDraft } from './story.ts';

/** The parts of a draft that are answers: everything the read-back shows and consent covers. */
export const ANSWERS = [
  'title',
  'body',
  'whatWasGood',
  'whatCouldBeDifferent',
  'services',
  'author',
  'focusTheme',
] as const satisfies readonly (keyof Draft)[];

export type Edit = { draft: Draft; cleared: boolean };

/** Whether any answer differs between two drafts. */
export function answersChanged(before: Draft, after: Draft): boolean {
  // Both are read through the draft's schema, so their JSON has the same key order and compares exactly.
  const [was, now] = [readDraft(before), readDraft(after)];
  return ANSWERS.some((key) => JSON.stringify(was[key]) !== JSON.stringify(now[key]));
}

/** A story not yet kept is started (and saved) by its first answer: the first character typed. */
export function startsStory(blank: Draft, draft: Draft): boolean {
  return answersChanged(blank, draft);
}

/** The draft after an edit: consent given before it is cleared when the edit changed an answer. */
export function applyEdit(before: Draft, after: Draft, now: Date | number): Edit {
  if (!before.consent.publish || !after.consent.publish || !answersChanged(before, after))
    return { draft: after, cleared: false };
  const clearedAt = new Date(now).toISOString();
  return { draft: { ...after, consent: { publish: false, clearedAt } }, cleared: true };
}

/** Whether the screen should say consent was cleared: it was, and has not been given again. */
export function consentWasCleared(draft: Draft): boolean {
  return !draft.consent.publish && draft.consent.clearedAt !== undefined;
}
