// Withdrawing a story, confirmed inline (never a modal): what "Delete story" will do and, when the story
// may already be at Care Opinion, how to ask them to take it down. Home's "Delete" (a draft) or
// "Withdraw" (a story queued with consent) and the story screen's "Delete this story" all confirm
// here: one rule for deleting a story.
import { useState } from 'preact/hooks';
import { storyReasonText } from '../../domain/words/sendWords.ts';
import { withdrawWords } from '../../domain/words/storyWords.ts';
import { type StorySummary, useApp, useStoryActions } from '../actions.ts';
import { useText } from './text.ts';

export type ConfirmWithdrawProps = {
  story: Pick<StorySummary, 'id' | 'mayHaveArrived' | 'sentId' | 'withdrawn'> &
    Partial<Pick<StorySummary, 'state'>>;
  onCancel(): void;
  /** Told once the story is deleted (the story screen then goes Home). */
  onDone?: () => void;
  /** Runs before deleting (the story screen saves what is pending first, so nothing lands after). */
  before?: () => Promise<unknown>;
};

export function ConfirmWithdraw({ story, onCancel, onDone, before }: ConfirmWithdrawProps) {
  const { state } = useApp();
  const actions = useStoryActions();
  const t = useText();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const words = withdrawWords(story, t, state.settings.value.region);
  const handleDelete = async () => {
    setBusy(true);
    await before?.();
    const result = await actions.withdrawStory(story.id);
    setBusy(false);
    if (!result.ok) setProblem(t.home.notDeleted(storyReasonText(result.reason, t)));
    else onDone?.();
  };
  return (
    <div class="note note-warn confirm">
      <p>{words.explanation}</p>
      {words.takeDown && <p>{words.takeDown}</p>}
      <div class="inline-row">
        <button type="button" class="button-danger" disabled={busy} onClick={() => void handleDelete()}>
          {t.home.deleteStory}
        </button>
        <button type="button" onClick={onCancel}>
          {t.home.keepIt}
        </button>
      </div>
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </div>
  );
}
