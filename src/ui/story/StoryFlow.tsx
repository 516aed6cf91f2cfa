// The open draft: the step indicator, the current step, Back and Next, and the save line. Every change
// is saved as it is typed; leaving a field or changing step saves at once.
import { useEffect, useRef } from 'preact/hooks';
import type { StepIndex } from '../../domain/steps.ts';
import type { Draft } from '../../domain/story.ts';
import { LAST_STEP } from '../../domain/story.ts';
import { checkUsername } from '../../domain/username.ts';
import { focusHeading } from '../shared/focus.ts';
import { useText } from '../shared/text.ts';
import { SaveStatus } from './SaveStatus.tsx';
import { StepIndicator } from './StepIndicator.tsx';
import { CheckStep } from './steps/CheckStep.tsx';
import { ConsentStep } from './steps/ConsentStep.tsx';
import { IntroduceStep } from './steps/IntroduceStep.tsx';
import { ServicesStep } from './steps/ServicesStep.tsx';
import { StoryStep } from './steps/StoryStep.tsx';
import { StorytellerStep } from './steps/StorytellerStep.tsx';
import { useAutosave } from './useAutosave.ts';

export type StoryFlowProps = { id: string; initial: Draft; onQueued(): void };

export function StoryFlow({ id, initial, onQueued }: StoryFlowProps) {
  const t = useText();
  const { draft, change, flush, status } = useAutosave(id, initial);
  const step = draft.step as StepIndex;
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) focusHeading(document.getElementById('step-title'));
  }, [step]);
  const go = (next: StepIndex) => {
    moved.current = true;
    change({ ...draft, step: next });
    void flush();
    window.scrollTo(0, 0);
  };
  const blocked = step === 3 && checkUsername(draft.author.username).block !== null;
  const props = { draft, onChange: change };
  return (
    <div class="story-flow" onFocusOut={() => void flush()}>
      <SaveStatus status={status} />
      <StepIndicator current={step} onGo={go} />
      <div class="step-body">
        {step === 0 && <IntroduceStep {...props} />}
        {step === 1 && <StoryStep {...props} />}
        {step === 2 && <ServicesStep {...props} />}
        {step === 3 && <StorytellerStep {...props} />}
        {step === 4 && <ConsentStep {...props} />}
        {step === 5 && <CheckStep id={id} draft={draft} flush={flush} onGo={go} onQueued={onQueued} />}
      </div>
      <div class="step-nav step-nav-sticky" data-bottom-bar>
        {blocked && (
          <p id="next-blocked" class="message-error">
            {t.story.usernameBlocksNext}
          </p>
        )}
        <button type="button" disabled={step === 0} onClick={() => go((step - 1) as StepIndex)}>
          {t.story.back}
        </button>
        {step < LAST_STEP && (
          <button
            type="button"
            class="button-primary"
            disabled={blocked}
            aria-describedby={blocked ? 'next-blocked' : undefined}
            onClick={() => go((step + 1) as StepIndex)}
          >
            {t.story.next}
          </button>
        )}
      </div>
    </div>
  );
}
