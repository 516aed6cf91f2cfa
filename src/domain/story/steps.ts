// The steps of the conversation, in order. Their names and the scripts a staff member reads out are
// interface words: they live in the message catalogues (messages/<language>/steps.ts).
import type { DraftAuthor } from './story.ts';

/** Read-back, consent and "Send to Care Opinion" share the last step: consent comes last. */
export const STEPS = ['introduce', 'story', 'services', 'storyteller', 'finish'] as const;
export type StepId = (typeof STEPS)[number];
export type StepIndex = 0 | 1 | 2 | 3 | 4;

/** The last step: 4 Check and finish. */
export const LAST_STEP: StepIndex = 4;

/** Where a step sits in the flow (0 Introduce … 4 Check and finish). */
export function stepIndex(id: StepId): StepIndex {
  return STEPS.indexOf(id) as StepIndex;
}

/**
 * The step a stored draft opens on. Drafts saved before consent moved had six steps (4 Consent,
 * 5 Check and finish): both are now the last step, so any step past the end opens there.
 */
export function storedStep(value: number): StepIndex {
  if (!Number.isInteger(value) || value < 0) return 0;
  return Math.min(value, LAST_STEP) as StepIndex;
}

/**
 * What the scripts use — who is collecting (the session, see session.ts guideOf) and the organisation
 * (Settings); each may be empty, and the script still reads naturally.
 */
export type GuideSettings = Partial<
  Record<'staffName' | 'staffRole' | 'organisation' | 'serviceName' | 'focusTheme', string>
>;

/**
 * Who holds the iPad: staff, or the storyteller in hand-over mode. Staff add services before or after
 * handing over, so the mode has no Services step (and no staff jobs or staff words elsewhere).
 */
export type StoryMode = 'staff' | 'handover';

const MODE_STEPS: Record<StoryMode, readonly StepIndex[]> = {
  staff: [0, 1, 2, 3, 4],
  handover: [0, 1, 3, 4],
};

/** The steps for the mode, in order: the step list, Back and Next, and "Question 2 of 4" count these. */
export function stepsFor(mode: StoryMode): readonly StepIndex[] {
  return MODE_STEPS[mode];
}

/** The step shown for a stored step: one the mode leaves out shows the mode's next one (the last otherwise). */
export function shownStep(step: StepIndex, mode: StoryMode): StepIndex {
  return stepsFor(mode).find((shown) => shown >= step) ?? LAST_STEP;
}

/** Where Next goes from a step, in the mode; null on the last one. */
export function stepAfter(step: StepIndex, mode: StoryMode): StepIndex | null {
  return stepsFor(mode).find((next) => next > step) ?? null;
}

/** Where Back goes from a step, in the mode; null on the first one. */
export function stepBefore(step: StepIndex, mode: StoryMode): StepIndex | null {
  return stepsFor(mode).findLast((before) => before < step) ?? null;
}

/** "Question 2 of 4": the shown step's place among the mode's steps, counted from 1. */
export function stepProgress(step: StepIndex, mode: StoryMode): { number: number; of: number } {
  const steps = stepsFor(mode);
  return { number: steps.indexOf(shownStep(step, mode)) + 1, of: steps.length };
}

/** Why Next does not move on from a step in the mode (worded by the catalogue's `handover.stepProblems`). */
export type StepProblem = 'choose-who';

/**
 * What keeps Next on this step: in hand-over mode, "Who is telling the story" is the storyteller's
 * explicit choice, never the default and never staff's own role.
 */
export function stepProblem(
  author: Pick<DraftAuthor, 'role' | 'roleChosen'>,
  step: StepIndex,
  mode: StoryMode,
): StepProblem | null {
  if (mode !== 'handover' || step !== stepIndex('storyteller')) return null;
  return author.roleChosen === true && author.role !== 'staff-on-behalf' ? null : 'choose-who';
}
