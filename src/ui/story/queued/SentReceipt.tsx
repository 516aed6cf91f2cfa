// What is kept once Care Opinion confirmed a story: when, its id there, and (with the built-in
// sandbox) a link to the page that lists what arrived. The story's personal data is gone.
import type { StorySummary } from '../../actions.ts';
import { useApp } from '../../actions.ts';
import { useText } from '../../shared/text.ts';

export function SentReceipt({ story }: { story: StorySummary }) {
  const { state } = useApp();
  const t = useText();
  const page = state.sandboxPage.value;
  if (story.withdrawn) return null;
  return (
    <div class="receipt">
      <p>{t.story.receipt(story.byHand === true, story.updatedAt, story.sentId)}</p>
      {page && (
        <p>
          <a href={page} target="_blank" rel="noreferrer">
            {t.story.sandboxLink}
          </a>
        </p>
      )}
    </div>
  );
}
