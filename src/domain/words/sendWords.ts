// The send queue in words: which of the catalogue's `send` words Home shows, decided by the queue's
// facts ("4 waiting to send · last sent 10:42", "Sending 3 of 12", why sending is paused).

import { type Messages, translate } from './index.ts';
import { REASONS } from '../send/answers.ts';

export type QueueFacts = {
  waiting: number;
  sending: { index: number; total: number } | null;
  lastSentAt: number | null;
  nextTryAt: number | null;
};

export function describeQueue(facts: QueueFacts, t: Messages): string {
  const parts = [t.send.waiting(facts.waiting)];
  if (facts.lastSentAt !== null) parts.push(t.send.lastSent(t.format.time(facts.lastSentAt)));
  return parts.join(' · ');
}

/** Home's line beside the sync line in hand-off: "2 ready to post" (null when there are none). */
export function describeReadyToPost(count: number, t: Messages): string | null {
  return count > 0 ? t.send.readyToPost(count) : null;
}

export function describeSending(facts: QueueFacts, t: Messages): string | null {
  return facts.sending ? t.send.sendingOf(facts.sending.index, facts.sending.total) : null;
}

export function describeNextTry(nextAttemptAt: number | undefined, now: number, t: Messages): string | null {
  if (nextAttemptAt === undefined) return null;
  return nextAttemptAt <= now ? t.send.nextTrySoon : t.send.nextTryAt(t.home.rowTime(nextAttemptAt));
}

export function describePause(reason: string, t: Messages): string {
  const words = translate(reason, t);
  if (reason === REASONS.deviceRevoked) return t.send.pausedRevoked(words);
  if (reason === REASONS.relayKeyRefused) return t.send.pausedRelayKey(words);
  return t.send.pausedKey(words);
}
