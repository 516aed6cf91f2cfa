// A story that has left the draft stage: its state, the closing script right after sending, and —
// while no send was attempted — a way back to editing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import type { QueueState } from '../../../domain/send/sendEntry.ts';
import type { StoryProblem } from '../../../domain/send/sendProblem.ts';
import { deliveryMode } from '../../../domain/settings/settings.ts';
import { storyProblemText, storyReasonText } from '../../../domain/words/sendWords.ts';
import { useApp, useStoryActions } from '../../actions.ts';
import { useAnnounce } from '../../shared/announce.ts';
import { focusHeading } from '../../shared/focus.ts';
import { NewStoryButton } from '../../shared/NewStoryButton.tsx';
import { useText } from '../../shared/text.ts';
import { type CardDetails, StorytellerCard } from '../StorytellerCard.tsx';
import { ClosingWords } from './ClosingWords.tsx';
import { NeedsAttention } from './NeedsAttention.tsx';
import { SentReceipt } from './SentReceipt.tsx';

// The hand-off screen loads only for a story ready to post (it carries the copy and print parts).
const HandOff = lazy(() => import('../handoff/HandOff.tsx').then((m) => m.HandOff));

export type QueuedPanelProps = {
  id: string;
  state: QueueState;
  editable: boolean;
  justQueued: boolean;
  /** Right after "Send to Care Opinion": the storyteller's card (kept in memory only). */
  card?: CardDetails | undefined;
  problem?: StoryProblem | undefined;
  onEdited(): void;
};

export function QueuedPanel({
  id,
  state,
  editable,
  justQueued,
  card,
  problem: lastProblem,
  onEdited,
}: QueuedPanelProps) {
  const app = useApp();
  const actions = useStoryActions();
  const t = useText();
  const [problem, setProblem] = useState<string | null>(null);
  const summary = app.state.stories.value.find((story) => story.id === id);
  useQueuedAnnouncements(state, justQueued);
  const handleEdit = async (step?: number) => {
    const result = await actions.editQueuedStory(id, step);
    if (result.ok) onEdited();
    else setProblem(storyReasonText(result.reason, t));
  };
  return (
    <section aria-labelledby="queued-title">
      <h2 id="queued-title">{t.send.states[state]}</h2>
      {summary?.exported && state !== 'sent' && <p class="exported-note">{t.send.exportedNote}</p>}
      {justQueued && (
        <ClosingWords
          services={card?.services ?? summary?.services ?? []}
          byEmail={card ? card.byEmail : !summary?.postedOnBehalf}
          state={state}
        />
      )}
      {card && <StorytellerCard card={card} state={state} />}
      {state === 'needs-attention' && summary ? (
        <NeedsAttention story={summary} onFix={(step) => void handleEdit(step)} />
      ) : (
        lastProblem && <p class="message-error">{storyProblemText(lastProblem, t)}</p>
      )}
      {state === 'sent' && summary && <SentReceipt story={summary} />}
      {state === 'ready-to-post' && <HandOff id={id} />}
      {state === 'queued' && (
        <p>
          {deliveryMode(app.state.settings.value) === 'desk' ? t.story.queuedForDeskNote : t.story.queuedNote}
        </p>
      )}
      {state === 'at-desk' && <p class="at-desk-note">{t.story.atDeskNote}</p>}
      {editable && state !== 'needs-attention' && (
        <button type="button" onClick={() => void handleEdit()}>
          {t.story.editStory}
        </button>
      )}
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
      <div class="step-nav">
        <a class="button" href="/">
          {t.story.home}
        </a>
        <NewStoryButton />
      </div>
    </section>
  );
}

/** "Send to Care Opinion" is gone: focus goes to what became of the story, and the news is said. */
function useQueuedAnnouncements(state: QueueState, justQueued: boolean): void {
  const announce = useAnnounce();
  const t = useText();
  const seen = useRef<QueueState | null>(null);
  const told = useRef(false);
  useEffect(() => {
    if (!justQueued || told.current) return;
    told.current = true;
    focusHeading(document.getElementById('queued-title'));
    announce(state === 'ready-to-post' ? t.a11y.readyToPost : t.a11y.queued);
  }, [justQueued, state, announce, t]);
  useEffect(() => {
    if (state === 'sent' && seen.current !== null && seen.current !== 'sent') announce(t.a11y.sent);
    seen.current = state;
  }, [state, announce, t]);
}
