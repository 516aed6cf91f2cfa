// What a story's send state allows, read from its outbox entry: the read-only rules the reducer
// (sendReducer.ts) decides with and Home's rows show. Apart from the reducer so Home's first load
// carries these few lines, not the reducer (answers, backoff), which loads with the send queue.
import type { OutboxEntry, QueueState } from './sendEntry.ts';

/** Whether a request for it was ever sent: from then on Care Opinion may hold it. */
export const wasAttempted = (e: OutboxEntry | null): boolean => e?.firstAttemptAt !== undefined;

/** Whether it was carried out in a sealed file (issue 26): the relay may send it under its key. */
export const wasExported = (e: OutboxEntry | null): boolean => e?.exportedAt !== undefined;

/**
 * Whether it went to the posting desk (issue 27): its sealed request body was frozen at a first try.
 * From then on it stays with the desk (and its key may have been used there: `wasAttempted`).
 */
export const sentToDesk = (e: OutboxEntry | null): boolean => e?.desk !== undefined;

/**
 * Whether its key may have been used (a request went out, or it left in a sealed file): from then on
 * the key and payload are fixed, and it stays with the API.
 */
export const keyMayBeUsed = (e: OutboxEntry | null): boolean => wasAttempted(e) || wasExported(e);

/**
 * The one answer to "may this story already be at Care Opinion?": its key may have been used (a
 * request, a sealed file) and no answer settled it as refused (a 4xx is processed afresh and stores
 * nothing under the key).
 */
export function mayHaveArrived(e: OutboxEntry | null): boolean {
  // At the desk it has not reached Care Opinion by itself: a withdrawal asks the desk first, and only
  // if the lead posted it already does the iPad give the take-down advice (issue 27).
  return keyMayBeUsed(e) && e?.state !== 'needs-attention' && !sentToDesk(e);
}

/**
 * Whether a person may change the story: a draft; one that needs attention (settled as not
 * stored); one waiting that was never tried nor exported. Once a request went out (or a sealed
 * file), payload and key are fixed.
 */
export function canEdit(e: OutboxEntry | null): boolean {
  if (e === null) return true;
  if (e.withdrawnAt !== undefined) return false;
  return e.state === 'needs-attention' || (isWaiting(e) && !keyMayBeUsed(e));
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

/**
 * Waiting for the runner to send it — queued, or sending — and not withdrawn (every entry is
 * consented). What the relay is told is "waiting" and what goes in a sealed file of unsent stories
 * (issue 26): never one ready to post (a person may post it by hand) or one needing attention (its
 * body was refused; a fix gives it a new key).
 */
export const isWaitingToSend = (e: OutboxEntry): boolean =>
  (e.state === 'queued' || e.state === 'sending') && e.withdrawnAt === undefined;

/**
 * What goes in a sealed file of unsent stories (issue 26): waiting to be sent, and never one already
 * sent to the posting desk (issue 27: the lead posts that one; a second copy would post it twice).
 */
export const isExportable = (e: OutboxEntry): boolean => isWaitingToSend(e) && !sentToDesk(e);
