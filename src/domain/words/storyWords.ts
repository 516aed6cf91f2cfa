// Which of the catalogue's words the story screens show, decided by the rules: titles, age groups,
// what withdrawing means, the postcode to offer. Pure; small enough for Home's bundle.

import { siteName } from '../regions/regions.ts';
import type { ClosingSentence } from '../send/closing.ts';
import type { QueueState } from '../send/sendEntry.ts';
import type { Region } from '../settings/settings.ts';
import type { StepProblem } from '../story/steps.ts';
import type { DraftAuthor } from '../story/story.ts';
import type { Messages } from './index.ts';

/** The title as Home lists it: "Untitled story" until it has one. */
export function titleOf(title: string, t: Messages): string {
  const clean = String(title ?? '').trim();
  return clean === '' ? t.story.untitled : clean;
}

/** Optional age groups, stored as the value (e.g. "35-44"); their words are the catalogue's. */
export type AgeGroup = keyof Messages['storyteller']['ageGroups'];
export const AGE_GROUPS: readonly AgeGroup[] = [
  'under-16',
  '16-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75-84',
  '85+',
];

/** An age group in words; a stored value this version does not know is shown as it is. */
export function ageGroupLabel(value: string | undefined, t: Messages): string {
  if (value === undefined || value === '') return t.story.notGiven;
  return Object.hasOwn(t.storyteller.ageGroups, value) ? t.storyteller.ageGroups[value as AgeGroup] : value;
}

export type WithdrawWords = { explanation: string; takeDown: string | null };

/**
 * The line Home shows for a withdrawn story: it may have reached Care Opinion if it was ever tried,
 * then how to ask the region's own site (its Welsh one in Cymraeg, regions.ts) to take it down.
 */
export function withdrawnNote(
  story: { mayHaveArrived?: boolean | undefined; sentId?: string | undefined },
  t: Messages,
  region: Region,
): string {
  return t.story.withdrawnNote(
    story.mayHaveArrived === true,
    story.sentId,
    siteName(region, t.format.language),
  );
}

/** What "Delete story" will do: before any attempt it deletes; after one the story may have arrived. */
export function withdrawWords(
  story: {
    mayHaveArrived: boolean;
    sentId?: string | undefined;
    withdrawn?: boolean | undefined;
    state?: QueueState | undefined;
  },
  t: Messages,
  region: Region,
): WithdrawWords {
  if (story.withdrawn) return { explanation: t.story.withdrawAgain, takeDown: null };
  // Issue 27: the posting desk is asked to drop it first; the take-down advice only if the lead posted it.
  if (story.state === 'at-desk') return { explanation: t.story.withdrawAtDesk, takeDown: null };
  if (!story.mayHaveArrived) return { explanation: t.story.withdrawUnsent, takeDown: null };
  return {
    explanation: t.story.withdrawMayHaveArrived,
    takeDown: t.story.takeDown(story.sentId, siteName(region, t.format.language)),
  };
}

/** The postcode "Use the service's postcode" offers: the first chosen service's, else the organisation's. */
export function postcodeToOffer(
  services: readonly { postcode?: string | undefined }[],
  organisationPostcode: string,
): string | null {
  const fromService = services.find((service) => (service.postcode ?? '').trim() !== '')?.postcode?.trim();
  if (fromService) return fromService;
  const fromSettings = organisationPostcode.trim();
  return fromSettings === '' ? null : fromSettings;
}

/** The text the live word count covers: the story and the two questions' answers. */
export function storyText(draft: {
  body: string;
  whatWasGood: string;
  whatCouldBeDifferent: string;
}): string {
  return [draft.body, draft.whatWasGood, draft.whatCouldBeDifferent].join('\n');
}

/** Why Next stays on a step in hand-over mode (steps.ts `stepProblem`), in words. */
export function stepProblemText(problem: StepProblem, t: Messages): string {
  return t.handover.stepProblems[problem];
}

/**
 * "Who is telling the story" as the storyteller chose it, in their words ("I am a carer"); empty until
 * they choose (the default and staff's own role are not their choice).
 */
export function storytellerRoleText(author: Pick<DraftAuthor, 'role' | 'roleChosen'>, t: Messages): string {
  if (author.roleChosen !== true || author.role === 'staff-on-behalf') return '';
  return t.handover.roles[author.role];
}

/**
 * The closing words, or the card's "What happens next", one sentence per code of the closing rule
 * (send/closing.ts): the story's own services named with their places, the region's own site.
 */
export function closingWords(
  sentences: readonly ClosingSentence[],
  about: { services: readonly string[]; region: Region },
  t: Messages,
): string[] {
  const named = {
    services: t.format.list(about.services.filter((service) => service.trim() !== '')),
    site: siteName(about.region, t.format.language),
  };
  return sentences.map((sentence) => t.steps.closing.sentences[sentence](named));
}
