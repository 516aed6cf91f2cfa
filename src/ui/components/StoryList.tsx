// Home's list of the stories on this device, newest first: title, state word, time, services, and
// Withdraw. Activating a title opens the story (a draft resumes where it was left).
import type { StorySummary } from '../actions.ts';
import { StoryRow } from './StoryRow.tsx';

export type StoryListProps = { stories: readonly StorySummary[] };

export function StoryList({ stories }: StoryListProps) {
  if (stories.length === 0) return <p class="hint">No stories on this device yet.</p>;
  const newestFirst = [...stories].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <ul class="story-list" aria-label="Stories on this device">
      {newestFirst.map((story) => (
        <StoryRow key={story.id} story={story} />
      ))}
    </ul>
  );
}
