// One story in Home's list. Holds no email, postcode or username: only what the summary carries.
import { useState } from 'preact/hooks';
import { describeNextTry, STATE_WORDS } from '../../domain/sendWords.ts';
import { STEPS } from '../../domain/steps.ts';
import { titleOf, withdrawnNote } from '../../domain/storyWords.ts';
import type { StorySummary } from '../actions.ts';
import { ConfirmWithdraw } from '../shared/ConfirmWithdraw.tsx';
import { useText } from '../shared/text.ts';

export type StoryRowProps = { story: StorySummary };

// One formatter for every row: building one per call costs more than the rest of the row.
const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
const formatTime = (t: number) => TIME.format(t);

export function StoryRow({ story }: StoryRowProps) {
  const t = useText();
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="story-row">
      <div class="story-row-main">
        <a class="story-title" dir="auto" href={`/story/${encodeURIComponent(story.id)}`}>
          {titleOf(story.title, t)}
        </a>
        <span class={`state state-${story.state}`}>{STATE_WORDS[story.state]}</span>
      </div>
      <p class="story-meta">
        <time dateTime={new Date(story.updatedAt).toISOString()}>{formatTime(story.updatedAt)}</time>
        {story.services.length > 0 ? ` · ${story.services.join('; ')}` : ' · No service chosen yet'}
      </p>
      {story.state === 'draft' && story.step !== undefined && (
        <p class="story-meta story-progress">
          {t.steps.progress.reached(STEPS[story.step] ?? 'finish')}
          {story.missing &&
            ` · ${story.missing.length > 0 ? t.steps.progress.stillNeeded(story.missing) : t.steps.progress.ready}`}
        </p>
      )}
      {story.withdrawn && <p class="story-meta">{withdrawnNote(story, t)}</p>}
      {story.problem && (
        <p class="message-error">
          {story.problem}
          {story.state === 'queued' &&
            ` · ${describeNextTry(story.nextAttemptAt, Date.now(), formatTime) ?? ''}`}
        </p>
      )}
      {confirming ? (
        <ConfirmWithdraw story={story} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="button" class="button-quiet" onClick={() => setConfirming(true)}>
          Withdraw
        </button>
      )}
    </li>
  );
}
