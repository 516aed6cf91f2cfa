// The open draft: the step indicator, the current step, Back and Next, the save line, and "Delete this
// story". Every change is saved as it is typed; leaving a field or changing step saves at once. An
// edit after consent was given clears it (the domain's rule), and the last step says why.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkUsername } from '../../domain/fields/username.ts';
import { applyEdit, consentWasCleared } from '../../domain/story/draftEdits.ts';
import {
  LAST_STEP,
  type StepIndex,
  shownStep,
  stepAfter,
  stepBefore,
  stepProblem,
} from '../../domain/story/steps.ts';
import type { Draft } from '../../domain/story/story.ts';
import { stepProblemText } from '../../domain/words/storyWords.ts';
import { HandoverProgress } from '../handover/HandoverProgress.tsx';
import { HandToStoryteller } from '../handover/HandToStoryteller.tsx';
import { useHandedOver, useStoryMode } from '../handover/handover.ts';
import { StaffOnly } from '../handover/StaffOnly.tsx';
import { LockButton } from '../lock/LockButton.tsx';
import { focusField } from '../shared/ErrorSummary.tsx';
import { focusHeading } from '../shared/focus.ts';
import { useText } from '../shared/text.ts';
import { DeleteStory } from './DeleteStory.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { StepIndicator } from './StepIndicator.tsx';
import type { CardDetails } from './StorytellerCard.tsx';
import { CheckStep } from './steps/CheckStep.tsx';
import { IntroduceStep } from './steps/IntroduceStep.tsx';
import { ServicesStep } from './steps/ServicesStep.tsx';
import { StoryStep } from './steps/StoryStep.tsx';
import { StorytellerStep } from './steps/StorytellerStep.tsx';
import { WHO_FIRST } from './steps/WhoIsTelling.tsx';
import { useAutosave } from './useAutosave.ts';

export type StoryFlowProps = {
  id: string;
  initial: Draft;
  /** False for a new story: it is stored by its first answer, then `onStored` is told. */
  stored: boolean;
  onStored?: () => void;
  onQueued(card: CardDetails): void;
};

export function StoryFlow({ id, initial, stored, onStored, onQueued }: StoryFlowProps) {
  const t = useText();
  const autosave = useAutosave(id, initial, { stored, onStored });
  const { draft, flush, status } = autosave;
  const change = (next: Draft) => autosave.change(applyEdit(draft, next, Date.now()).draft);
  // The mode's steps: hand-over mode has no Services step, so a story left there shows the next one.
  const mode = useStoryMode();
  const step = shownStep(draft.step as StepIndex, mode);
  const before = stepBefore(step, mode);
  const after = stepAfter(step, mode);
  const problem = stepProblem(draft.author, step, mode);
  // Next was tapped with the step's problem there: say it on its field until it is fixed.
  const [tried, setTried] = useState(false);
  const moved = useRef(false);
  // The field a "still needed" link asked for, focused once its step shows (else the step's heading).
  const wanted = useRef<string | null>(null);
  useEffect(() => {
    const field = wanted.current;
    wanted.current = null;
    if (field !== null && focusField(field)) return;
    if (moved.current) focusHeading(document.getElementById('step-title'));
  }, [step]);
  const go = (next: StepIndex, fieldId?: string) => {
    if (next === step && fieldId !== undefined) {
      focusField(fieldId);
      return;
    }
    wanted.current = fieldId ?? null;
    moved.current = true;
    setTried(false);
    change({ ...draft, step: next });
    void flush();
    window.scrollTo(0, 0);
  };
  const goNext = (next: StepIndex) => {
    if (problem === null) return go(next);
    setTried(true);
    document.getElementById(WHO_FIRST)?.focus();
  };
  const blocked = step === 3 && checkUsername(draft.author.username).block !== null;
  const problemWords = tried && problem !== null ? stepProblemText(problem, t) : undefined;
  const props = { draft, onChange: change };
  return (
    <div class="story-flow" onFocusOut={() => void flush()}>
      <StoryHeader id={id} step={step} onGo={go}>
        <SaveStatus status={status} />
        <HandoverProgress step={step} />
      </StoryHeader>
      {step < LAST_STEP && consentWasCleared(draft) && (
        <p role="status" class="message-error">
          {t.steps.finish.consentCleared}
        </p>
      )}
      <div class="step-body">
        {step === 0 && <IntroduceStep {...props} />}
        {step === 1 && <StoryStep {...props} />}
        {step === 2 && <ServicesStep {...props} />}
        {step === 3 && <StorytellerStep {...props} whoError={problemWords} />}
        {step === LAST_STEP && (
          <CheckStep id={id} draft={draft} onChange={change} flush={flush} onGo={go} onQueued={onQueued} />
        )}
      </div>
      <div class="step-nav step-nav-sticky" data-bottom-bar>
        {blocked && (
          <p id="next-blocked" class="message-error">
            {t.story.usernameBlocksNext}
          </p>
        )}
        {problemWords && (
          <p id="next-problem" class="message-error">
            {problemWords}
          </p>
        )}
        <button type="button" disabled={before === null} onClick={() => before !== null && go(before)}>
          {t.story.back}
        </button>
        {after !== null && (
          <button
            type="button"
            class="button-primary"
            disabled={blocked}
            aria-describedby={blocked ? 'next-blocked' : problemWords ? 'next-problem' : undefined}
            onClick={() => goNext(after)}
          >
            {t.story.next}
          </button>
        )}
      </div>
      <StaffOnly>
        <DeleteStory id={id} flush={flush} />
      </StaffOnly>
    </div>
  );
}

type StoryHeaderProps = {
  id: string;
  step: StepIndex;
  onGo(step: StepIndex): void;
  children: ComponentChildren;
};

/**
 * The compact header (issue 24.7), one row above the step: where the story is ("2 of 5 · The story",
 * opening the list of steps), the save line, Home, "Hand to the storyteller" and Lock. In hand-over
 * mode only the save line (the storyteller's own progress goes beside it).
 */
function StoryHeader({ id, step, onGo, children }: StoryHeaderProps) {
  const t = useText();
  const handedOver = useHandedOver();
  if (handedOver) return <div class="story-bar">{children}</div>;
  return (
    <div class="story-bar">
      <StepIndicator current={step} onGo={onGo} />
      {children}
      <div class="story-bar-actions">
        <a class="button" href="/">
          {t.story.home}
        </a>
        <HandToStoryteller storyId={id} />
        <LockButton inline />
      </div>
    </div>
  );
}
