// What a story's send state allows, read from its outbox entry: the read-only rules the reducer
// (sendReducer.ts) decides with and Home's rows show. Apart from the reducer so Home's first load
// carries these few lines, not the reducer (answers, backoff), which loads with the send queue.
import type { OutboxEntry, QueueState } from './sendEntry.ts';

/** Whether a request for it was ever sent: from then on Care Opinion may hold it. */
export const wasAttempted = (e: OutboxEntry | null): boolean => e?.firstAttemptAt !== undefined;

/**
 * The one answer to "may this story already be at Care Opinion?": a request went out and no answer
 * settled it as refused (a 4xx is processed afresh and stores nothing under the key).
 */
export function mayHaveArrived(e: OutboxEntry | null): boolean {
  return wasAttempted(e) && e?.state !== 'needs-attention';
}

/**
 * Whether a person may change the story: a draft; one that needs attention (settled as not
 * stored); one waiting that was never tried. Once a request went out, payload and key are fixed.
 */
export function canEdit(e: OutboxEntry | null): boolean {
  if (e === null) return true;
  if (e.withdrawnAt !== undefined) return false;
  return e.state === 'needs-attention' || (isWaiting(e) && !wasAttempted(e));
}

/**
 * What taking a story off the device is called: "Delete" while it is a draft (no consent has been
 * acted on: it only deletes); "Withdraw" once it was queued with the storyteller's consent.
 */
export type Removal = 'delete' | 'withdraw';
export const removalOf = (story: { state: QueueState }): Removal =>
  story.state === 'draft' ? 'delete' : 'withdraw';

/** Waiting for the runner, or for a person to post it by hand. */
export const isWaiting = (e: OutboxEntry) => e.state === 'queued' || e.state === 'ready-to-post';
