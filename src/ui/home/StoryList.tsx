// Home's list of the stories on this device, newest first: title, state word, time, services, and
// Withdraw. Activating a title opens the story (a draft resumes where it was left). A device may
// hold thousands: only the newest page is read and shown, more on request, so Home stays quick.
import { useState } from 'preact/hooks';
import { type StorySummary, useStoryActions } from '../actions.ts';
import { useText } from '../shared/text.ts';
import { StoryRow } from './StoryRow.tsx';

export type StoryListProps = { stories: readonly StorySummary[]; total: number };

const PAGE_SIZE = 50;

export function StoryList({ stories, total }: StoryListProps) {
  const actions = useStoryActions();
  const t = useText();
  const [loading, setLoading] = useState(false);
  if (stories.length === 0) return <p class="hint">{t.home.noStories}</p>;
  const newestFirst = [...stories].sort((a, b) => b.createdAt - a.createdAt);
  const more = Math.max(0, total - newestFirst.length);
  const handleMore = async () => {
    setLoading(true);
    await actions.showMoreStories();
    setLoading(false);
  };
  return (
    <>
      <ul class="story-list" aria-label={t.home.listLabel}>
        {newestFirst.map((story) => (
          <StoryRow key={story.id} story={story} />
        ))}
      </ul>
      {more > 0 && (
        <p class="story-list-more">
          {t.home.showingNewest(newestFirst.length, total)}{' '}
          <button type="button" disabled={loading} onClick={() => void handleMore()}>
            {t.home.showMore(Math.min(more, PAGE_SIZE))}
          </button>
        </p>
      )}
    </>
  );
}
