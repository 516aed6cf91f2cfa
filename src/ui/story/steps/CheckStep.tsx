// The last step: read everything back (email and postcode masked), then consent, then send — only
// when the domain says the story is complete and consented; otherwise list what is missing, each a
// way to its step.
import { useState } from 'preact/hooks';
import { recordedByOf } from '../../../domain/session/session.ts';
import { checkQueueable } from '../../../domain/story/sendReadiness.ts';
import { LAST_STEP, type StepIndex } from '../../../domain/story/steps.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { missingText } from '../../../domain/words/fieldWords.ts';
import { storyReasonText } from '../../../domain/words/sendWords.ts';
import { useApp, useErrors, useStoryActions } from '../../actions.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { useAnnounce } from '../../shared/announce.ts';
import { useText } from '../../shared/text.ts';
import { MissingList } from '../MissingList.tsx';
import { ReadBack } from '../ReadBack.tsx';
import { type CardDetails, cardDetails } from '../StorytellerCard.tsx';
import { ConsentBox } from './ConsentBox.tsx';

export type CheckStepProps = {
  id: string;
  draft: Draft;
  onChange(next: Draft): void;
  /** Saves the latest draft first: the queue must freeze what is on screen. True once written. */
  flush(): Promise<boolean>;
  /** Goes to a step and focuses the field (by id) that fixes what is missing. */
  onGo(step: StepIndex, fieldId?: string): void;
  /** The story is in the send queue: what the storyteller's card shows (never email or postcode). */
  onQueued(card: CardDetails): void;
};

export function CheckStep({ id, draft, onChange, flush, onGo, onQueued }: CheckStepProps) {
  const t = useText();
  const words = t.steps.finish;
  const { state } = useApp();
  const actions = useStoryActions();
  const { reportError } = useErrors();
  const settings = state.settings.value;
  const [busy, setBusy] = useState(false);
  const [problem, setShownProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const setProblem = (words: string | null) => {
    setShownProblem(words);
    if (words) announce(words);
  };
  const recordedByDefault = recordedByOf(state.session.value, '');
  const check = checkQueueable(draft, { recordedByDefault, region: settings.region });
  const handleSend = async () => {
    setBusy(true);
    setProblem(null);
    // The queue freezes what is stored: never queue an older version than the one on screen.
    if (!(await flush())) {
      setBusy(false);
      setProblem(words.notSaved);
      return;
    }
    // Refusals come back as results: a throw is unexpected (to the handler), and said here too.
    const result = await actions.queueStory(id).catch((error: unknown) => {
      reportError(error);
      return null;
    });
    setBusy(false);
    if (result === null) setProblem(words.notQueued);
    else if (result.ok) onQueued(cardDetails(draft, settings.region, Date.now()));
    else if ('missing' in result)
      setProblem(result.missing.map((item) => missingText(item.problem, t)).join(' '));
    else setProblem(words.notQueuedBecause(storyReasonText(result.reason, t)));
  };
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">{t.steps.titles.finish}</h2>
      <StaffOnly>
        <p class="hint">{words.readBackHint}</p>
      </StaffOnly>
      <ReadBack draft={draft} />
      <ConsentBox draft={draft} onChange={onChange} />
      <StaffOnly>
        {!check.ok && <MissingList missing={check.missing} current={LAST_STEP} onGo={onGo} />}
        <button
          type="button"
          class="button-primary button-large"
          disabled={!check.ok || busy}
          aria-describedby={check.ok ? undefined : 'missing-title'}
          onClick={() => void handleSend()}
        >
          {words.send}
        </button>
      </StaffOnly>
      {busy && <p role="status">{words.sending}</p>}
      {problem && <p class="message-error">{problem}</p>}
    </section>
  );
}
