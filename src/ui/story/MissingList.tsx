// What still stops a story from being sent, in the GOV.UK error summary's form: each item a link that
// goes to the step and moves focus to the field that fixes it (on the step shown: the field itself,
// with no "Go to" the page you are on).
import type { MissingField, MissingItem } from '../../domain/story/sendReadiness.ts';
import { STEPS, type StepIndex } from '../../domain/story/steps.ts';
import { missingText } from '../../domain/words/fieldWords.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { useText } from '../shared/text.ts';
import { CONSENT_BOX } from './steps/ConsentBox.tsx';

/** The id of the control that fixes each missing field (the steps give their fields these ids). */
export const FIELD_ID = {
  title: 'story-title-field',
  body: 'story-body-field',
  services: 'find-service',
  'author.username': 'author-username',
  'author.postcode': 'author-postcode',
  'author.email': 'author-email',
  consent: CONSENT_BOX,
  story: 'step-title',
} as const satisfies Record<MissingField, string>;

export type MissingListProps = {
  missing: readonly MissingItem[];
  /** The step shown now. */
  current: StepIndex;
  onGo(step: StepIndex, fieldId: string): void;
};

export function MissingList({ missing, current, onGo }: MissingListProps) {
  const t = useText();
  const errors = missing.map((item) => {
    const fieldId = FIELD_ID[item.field];
    const where = item.step === current ? '' : ` ${t.story.goTo(t.steps.titles[STEPS[item.step]])}`;
    return { text: `${missingText(item.problem, t)}${where}`, fieldId, go: () => onGo(item.step, fieldId) };
  });
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby="missing-title">
      <ErrorSummary errors={errors} title={t.story.stillNeeded} titleId="missing-title" alert={false} />
    </section>
  );
}
