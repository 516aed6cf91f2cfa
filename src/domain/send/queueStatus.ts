// The send queue as a whole, as the runner reports it and Home shows it ("4 waiting to send · last
// sent 10:42", "Sending 3 of 12"): one type for both, so the two never disagree.
import type { QueueProblem, SendProblem } from './sendProblem.ts';

export type QueueStatus = {
  waiting: number;
  /** "Sending 3 of 12" while a pass drains. */
  sending: { index: number; total: number } | null;
  lastSentAt: number | null;
  /** Why the whole queue is held (a key that was not accepted), as a code. */
  paused: SendProblem | null;
  nextTryAt: number | null;
  /** Something unexpected stopped sending for now (nothing is lost): a code. */
  problem: QueueProblem | null;
};
