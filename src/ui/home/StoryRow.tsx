// One story in Home's list. Holds no email, postcode or username: only what the summary carries.
import { useState } from 'preact/hooks';
import { removalOf } from '../../domain/send/sendRules.ts';
import { STEPS } from '../../domain/story/steps.ts';
import { describeNextTry, storyProblemText } from '../../domain/words/sendWords.ts';
import { titleOf, withdrawnNote } from '../../domain/words/storyWords.ts';
import { type StorySummary, useApp } from '../actions.ts';
import { ConfirmWithdraw } from '../shared/ConfirmWithdraw.tsx';
import { useText } from '../shared/text.ts';

export type StoryRowProps = { story: StorySummary };

export function StoryRow({ story }: StoryRowProps) {
  const t = useText();
  const region = useApp().state.settings.value.region;
  const [confirming, setConfirming] = useState(false);
  return (
    <li class="story-row">
      <div class="story-row-main">
        <a class="story-title" dir="auto" href={`/story/${encodeURIComponent(story.id)}`}>
          {titleOf(story.title, t)}
        </a>
        {story.withdrawn ? (
          <span class="state state-withdrawn">{t.send.withdrawn}</span>
        ) : (
          <span class={`state state-${story.state}`}>{t.send.states[story.state]}</span>
        )}
        {story.exported && <span class="state state-exported">{t.send.exported}</span>}
      </div>
      <p class="story-meta">
        <time dateTime={new Date(story.updatedAt).toISOString()}>{t.home.rowTime(story.updatedAt)}</time>
        {' · '}
        {story.services.length > 0 ? story.services.join('; ') : t.home.noServiceYet}
      </p>
      {story.state === 'draft' && story.step !== undefined && (
        <p class="story-meta story-progress">
          {t.steps.progress.reached(STEPS[story.step] ?? 'finish')}
          {story.missing &&
            ` · ${story.missing.length > 0 ? t.steps.progress.stillNeeded(story.missing) : t.steps.progress.ready}`}
        </p>
      )}
      {story.withdrawn && <p class="story-meta">{withdrawnNote(story, t, region)}</p>}
      {story.problem && (
        <p class="message-error">
          {storyProblemText(story.problem, t)}
          {story.state === 'queued' && ` · ${describeNextTry(story.nextAttemptAt, Date.now(), t) ?? ''}`}
        </p>
      )}
      {confirming ? (
        <ConfirmWithdraw story={story} onCancel={() => setConfirming(false)} />
      ) : (
        <button type="button" class="button-quiet" onClick={() => setConfirming(true)}>
          {removalOf(story) === 'delete' ? t.home.deleteDraft : t.home.withdraw}
        </button>
      )}
    </li>
  );
}
