// Where the story is in the guide, in one line of the story's header: "2 of 5 · The story", a button
// that opens the list of steps (a disclosure), each step a way to go there.
import { useRef, useState } from 'preact/hooks';
import { STEPS, type StepIndex } from '../../domain/story/steps.ts';
import { useText } from '../shared/text.ts';

export type StepIndicatorProps = { current: StepIndex; onGo(step: StepIndex): void };

export const STEP_LIST_ID = 'story-steps';

export function StepIndicator({ current, onGo }: StepIndicatorProps) {
  const t = useText();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  // Escape closes the list and gives the focus back to the step button (the disclosure pattern).
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <nav aria-label={t.story.stepsLabel} class="steps" onKeyDown={handleKeyDown}>
      <button
        ref={toggle}
        type="button"
        class="step-toggle"
        aria-expanded={open}
        aria-controls={STEP_LIST_ID}
        onClick={() => setOpen(!open)}
      >
        {t.story.stepOf(current + 1, STEPS.length, t.steps.titles[STEPS[current]])}
      </button>
      <ol id={STEP_LIST_ID} hidden={!open}>
        {STEPS.map((step, index) => (
          <li key={step}>
            <button
              type="button"
              class={index === current ? 'step step-current' : 'step'}
              aria-current={index === current ? 'step' : undefined}
              onClick={() => {
                setOpen(false);
                onGo(index as StepIndex);
              }}
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
