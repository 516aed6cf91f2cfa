// The send queue in words: each state's word (the one place states become interface words,
// PRODUCT.md) and Home's lines, "4 waiting to send · last sent 10:42", "Sending 3 of 12".
import { REASONS } from './answers.ts';
import type { QueueState } from './sendEntry.ts';

export const STATE_WORDS: Readonly<Record<QueueState, string>> = Object.freeze({
  draft: 'Draft',
  queued: 'Waiting to send',
  'ready-to-post': 'Ready to post',
  sending: 'Sending',
  sent: 'Sent',
  'needs-attention': 'Needs attention',
});

export type QueueFacts = {
  waiting: number;
  sending: { index: number; total: number } | null;
  lastSentAt: number | null;
  nextTryAt: number | null;
};

export function describeQueue(facts: QueueFacts, formatTime: (t: number) => string): string {
  const parts = [`${facts.waiting} waiting to send`];
  if (facts.lastSentAt !== null) parts.push(`last sent ${formatTime(facts.lastSentAt)}`);
  return parts.join(' · ');
}

/** Home's line beside the sync line in hand-off: "2 ready to post" (null when there are none). */
export function describeReadyToPost(count: number): string | null {
  return count > 0 ? `${count} ready to post` : null;
}

export function describeSending(facts: QueueFacts): string | null {
  return facts.sending ? `Sending ${facts.sending.index} of ${facts.sending.total}` : null;
}

export function describeNextTry(
  nextAttemptAt: number | undefined,
  now: number,
  formatTime: (t: number) => string,
): string | null {
  if (nextAttemptAt === undefined) return null;
  return nextAttemptAt <= now
    ? 'Next try: as soon as there is a signal'
    : `Next try at ${formatTime(nextAttemptAt)}`;
}

export function describePause(reason: string): string {
  if (reason === REASONS.deviceRevoked)
    return `Sending is paused: ${reason}. Ask your Care Opinion lead for a new enrolment code and connect again in Settings. Nothing is lost — stories wait on this device.`;
  if (reason === REASONS.relayKeyRefused)
    return `Sending is paused: ${reason}. There is nothing to fix on this iPad. Nothing is lost — stories wait on this device and go when the relay's key is fixed.`;
  return `Sending is paused: ${reason}. The key in Settings was not accepted by Care Opinion. Nothing is lost — stories wait on this device until the key is fixed.`;
}
