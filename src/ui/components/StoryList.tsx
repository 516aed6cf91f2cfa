// Home's list of the stories on this device, newest first: title, state word, time, services, and
// Withdraw. Activating a title opens the story (a draft resumes where it was left). A device may
// hold thousands: the newest are shown first, more on request, so Home stays quick.
import { useState } from 'preact/hooks';
import type { StorySummary } from '../actions.ts';
import { StoryRow } from './StoryRow.tsx';

export type StoryListProps = { stories: readonly StorySummary[] };

export const PAGE_SIZE = 50;
const count = new Intl.NumberFormat('en-GB');

export function StoryList({ stories }: StoryListProps) {
  const [shown, setShown] = useState(PAGE_SIZE);
  if (stories.length === 0) return <p class="hint">No stories on this device yet.</p>;
  const newestFirst = [...stories].sort((a, b) => b.createdAt - a.createdAt).slice(0, shown);
  const more = stories.length - newestFirst.length;
  return (
    <>
      <ul class="story-list" aria-label="Stories on this device">
        {newestFirst.map((story) => (
          <StoryRow key={story.id} story={story} />
        ))}
      </ul>
      {more > 0 && (
        <p class="story-list-more">
          Showing the newest {count.format(newestFirst.length)} of {count.format(stories.length)}.{' '}
          <button type="button" onClick={() => setShown(shown + PAGE_SIZE)}>
            Show {Math.min(more, PAGE_SIZE)} more
          </button>
        </p>
      )}
    </>
  );
}
