// The storyteller's card, after "Send to Care Opinion": their username, the date, the services named
// with their places, what happens next (the closing words' own sentences: with or without email,
// moderation, and whether it is still on this iPad) and how to withdraw on their region's Care
// Opinion site, with a QR code of that address. Large, to photograph or print. It is given only what
// it shows: never the email address or postcode.
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import { withdrawPage } from '../../domain/regions/regions.ts';
import { nextSentences } from '../../domain/send/closing.ts';
import type { QueueState } from '../../domain/send/sendEntry.ts';
import type { Region } from '../../domain/settings/settings.ts';
import type { Draft } from '../../domain/story/story.ts';
import { closingWords } from '../../domain/words/storyWords.ts';
import { useText } from '../shared/text.ts';
import { QrCode } from './queued/QrCode.tsx';

export type CardDetails = {
  username: string;
  services: string[];
  /** Whether Care Opinion will email them (the address itself is never on the card). */
  byEmail: boolean;
  region: Region;
  at: number;
};

/** The card's details from the draft just queued: no email address, no postcode. */
export function cardDetails(draft: Draft, region: Region, at: number): CardDetails {
  return {
    username: draft.author.username.trim(),
    services: draft.services.map(serviceLabel),
    byEmail: !draft.author.noEmail,
    region,
    at,
  };
}

/** `state`: where the story is now (still on this iPad, ready to post by hand, or sent). */
export function StorytellerCard({ card, state }: { card: CardDetails; state: QueueState }) {
  const t = useText();
  const words = t.card;
  const address = withdrawPage(card.region, t.format.language);
  const shown = address.replace(/^https:\/\//, '').replace(/\/$/, '');
  return (
    <section class="storyteller-card" aria-labelledby="card-title">
      <h2 id="card-title">{words.title}</h2>
      <p class="card-intro">{words.intro}</p>
      <dl class="card-facts">
        <dt>{words.username}</dt>
        <dd dir="auto">{card.username}</dd>
        <dt>{words.date}</dt>
        <dd>{words.dateValue(card.at)}</dd>
        <dt>{words.services}</dt>
        <dd dir="auto">{card.services.join('; ')}</dd>
      </dl>
      <h3>{words.nextTitle}</h3>
      {closingWords(nextSentences({ ...card, state }), card, t).map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <h3>{words.withdrawTitle}</h3>
      <div class="card-withdraw">
        <p>{words.withdraw(shown)}</p>
        <QrCode value={address} label={words.qrLabel(shown)} />
      </div>
      <button type="button" class="card-print" onClick={() => window.print()}>
        {words.print}
      </button>
    </section>
  );
}
