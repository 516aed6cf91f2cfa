// The send queue in words: which of the catalogue's `send` words Home shows, decided by the queue's
// facts ("4 waiting to send · last sent 10:42", "Sending 3 of 12", why sending is paused).

import type {
  ExportProblem,
  QueueProblem,
  SendProblem,
  StoryActionReason,
  StoryProblem,
  StoryReason,
} from '../send/sendProblem.ts';
import type { Messages } from './index.ts';

/** Why a story waits or was refused (kept with its entry), in `t`'s words. */
export function sendProblemText(problem: SendProblem, t: Messages): string {
  return t.send.reasons[problem];
}

/** What a story's row says went wrong. */
export function storyProblemText(problem: StoryProblem, t: Messages): string {
  return problem === 'unreadable' || problem === 'requeue'
    ? t.home.reasons[problem]
    : t.send.reasons[problem];
}

/** Why a story action did not happen: the device's reason or the send queue's refusal. */
export function storyReasonText(reason: StoryActionReason, t: Messages): string {
  return Object.hasOwn(t.home.reasons, reason)
    ? t.home.reasons[reason as StoryReason]
    : t.send.refusals[reason as Exclude<StoryActionReason, StoryReason>];
}

/** Why "Export unsent stories" made no file (issue 26). */
export function exportProblemText(problem: ExportProblem, t: Messages): string {
  return t.send.exportProblems[problem];
}

/** Why the queue stopped for a moment. */
export function queueProblemText(problem: QueueProblem, t: Messages): string {
  return t.send.queueProblems[problem];
}

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

export function describePause(reason: SendProblem, t: Messages): string {
  const words = t.send.reasons[reason];
  if (reason === 'deviceRevoked') return t.send.pausedRevoked(words);
  if (reason === 'relayKeyRefused') return t.send.pausedRelayKey(words);
  return t.send.pausedKey(words);
}
