// The steps of the conversation, in order. Their names and the scripts a staff member reads out are
// interface words: they live in the message catalogues (messages/<language>/steps.ts).

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
