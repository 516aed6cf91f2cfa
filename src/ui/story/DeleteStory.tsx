// "Delete this story" on every step ("Withdraw this story" once it was queued with consent): the
// storyteller changed their mind. It confirms and deletes through the same withdraw rule as Home's
// "Delete" / "Withdraw", then goes back to Home.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { removalOf } from '../../domain/send/sendRules.ts';
import { useApp } from '../actions.ts';
import { ConfirmWithdraw } from '../shared/ConfirmWithdraw.tsx';
import { useText } from '../shared/text.ts';

/** `flush` saves what is pending first, so no write lands after the delete. */
export type DeleteStoryProps = { id: string; flush(): Promise<boolean> };

export function DeleteStory({ id, flush }: DeleteStoryProps) {
  const t = useText();
  const { state } = useApp();
  const { route } = useLocation();
  const [confirming, setConfirming] = useState(false);
  // A draft has never been sent; its row (when Home has read it) says so too.
  const story = state.stories.value.find((s) => s.id === id) ?? {
    id,
    mayHaveArrived: false,
    state: 'draft' as const,
  };
  return (
    <div class="delete-story">
      {confirming ? (
        <ConfirmWithdraw
          story={story}
          before={flush}
          onDone={() => route('/')}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <button type="button" class="button-quiet" onClick={() => setConfirming(true)}>
          {removalOf(story) === 'delete' ? t.steps.remove : t.steps.withdrawThis}
        </button>
      )}
    </div>
  );
}
