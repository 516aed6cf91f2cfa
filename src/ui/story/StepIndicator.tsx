// Where the story is in the guide: the steps, the current one marked, each one a way to go there.
import { STEPS, type StepIndex } from '../../domain/story/steps.ts';
import { useText } from '../shared/text.ts';

export type StepIndicatorProps = { current: StepIndex; onGo(step: StepIndex): void };

export function StepIndicator({ current, onGo }: StepIndicatorProps) {
  const t = useText();
  return (
    <nav aria-label={t.story.stepsLabel} class="steps">
      <ol>
        {STEPS.map((step, index) => (
          <li key={step}>
            <button
              type="button"
              class={index === current ? 'step step-current' : 'step'}
              aria-current={index === current ? 'step' : undefined}
              onClick={() => onGo(index as StepIndex)}
            >
              <span class="step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t.steps.titles[step]}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
