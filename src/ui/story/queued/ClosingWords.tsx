// The guide's closing words, read out by staff once "Send to Care Opinion" is tapped: marked "Read
// this out", naming the story's own services with their places, and saying what happens next by
// the closing rule (send/closing.ts) — the same sentences as the storyteller's card.
import { closingSentences } from '../../../domain/send/closing.ts';
import type { QueueState } from '../../../domain/send/sendEntry.ts';
import { closingWords } from '../../../domain/words/storyWords.ts';
import { useApp } from '../../actions.ts';
import { useText } from '../../shared/text.ts';

export type ClosingWordsProps = { services: readonly string[]; byEmail: boolean; state: QueueState };

export function ClosingWords({ services, byEmail, state }: ClosingWordsProps) {
  const t = useText();
  const region = useApp().state.settings.value.region;
  const sentences = closingSentences({ services, byEmail, state });
  return (
    <section class="closing-words" aria-labelledby="closing-read-out">
      <h3 id="closing-read-out">{t.steps.closing.readOut}</h3>
      <blockquote class="script">{closingWords(sentences, { services, region }, t).join(' ')}</blockquote>
    </section>
  );
}
