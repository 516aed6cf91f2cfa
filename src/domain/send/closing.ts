// What the storyteller is told once "Send to Care Opinion" is tapped: the guide's closing words,
// read out by staff, and the same on the storyteller's card. Which sentences apply is this one rule;
// the words are the catalogues' (steps.closingSentences, card.next).
import type { QueueState } from './sendEntry.ts';

/**
 * - `thanks`: thank you for sharing your story (closing words only);
 * - `services`: the staff of the story's own services can read it and reply (when it names any);
 * - `email` / `no-email`: exactly one: emails when it is published and when the service responds,
 *   or no emails and how to find the story;
 * - `moderated`: Care Opinion's moderators read every story before it is published;
 * - `on-device`: it has not left this iPad yet: it is sent when the iPad is back online;
 * - `by-hand`: a staff member posts it on Care Opinion's website;
 * - `come-back`: come back to Care Opinion to respond or tell another story (closing words only).
 */
export type ClosingSentence =
  | 'thanks'
  | 'services'
  | 'email'
  | 'no-email'
  | 'moderated'
  | 'on-device'
  | 'by-hand'
  | 'come-back';

export type ClosingFacts = {
  /** The story's own services, as read (with their places). */
  services: readonly string[];
  /** An email address was given (not "No email address"). */
  byEmail: boolean;
  state: QueueState;
};

/** Where the story is: still on this iPad, waiting for a person to post it, or gone. */
function whereabouts(state: QueueState): 'on-device' | 'by-hand' | null {
  if (state === 'ready-to-post') return 'by-hand';
  if (state === 'sent') return null;
  // queued, sending (not yet answered), needs attention, at the posting desk (the iPad keeps it until
  // it is posted), or not yet queued
  return 'on-device';
}

/** What happens next, in the order read out: the card's part of the closing words. */
export function nextSentences(facts: ClosingFacts): ClosingSentence[] {
  const where = whereabouts(facts.state);
  return [...(where ? [where] : []), 'moderated', facts.byEmail ? 'email' : 'no-email'];
}

/** The closing words, in the order read out. */
export function closingSentences(facts: ClosingFacts): ClosingSentence[] {
  const named = facts.services.some((service) => service.trim() !== '');
  return ['thanks', ...(named ? (['services'] as const) : []), ...nextSentences(facts), 'come-back'];
}
