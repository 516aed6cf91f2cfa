// What is kept once Care Opinion confirmed a story: when, its id there, and (with the built-in
// sandbox) a link to the page that lists what arrived. The story's personal data is gone.

import type { StorySummary } from '../actions.ts';
import { useApp } from '../actions.ts';

const formatTime = (t: number) =>
  new Date(t).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function SentReceipt({ story }: { story: StorySummary }) {
  const { state } = useApp();
  const page = state.sandboxPage.value;
  if (story.withdrawn) return null;
  return (
    <div class="receipt">
      <p>
        {story.byHand
          ? `Posted by hand on Care Opinion’s website, recorded on ${formatTime(story.updatedAt)}`
          : `Received by Care Opinion on ${formatTime(story.updatedAt)}`}
        {story.sentId ? ` (${story.byHand ? 'story number' : 'reference'} ${story.sentId})` : ''}. The story’s
        text and the storyteller’s details have been deleted from this device.
      </p>
      {page && (
        <p>
          <a href={page} target="_blank" rel="noreferrer">
            See what the sandbox Care Opinion received
          </a>
        </p>
      )}
    </div>
  );
}
