// The send queue as one pure reducer: every change to a story's send state is an event applied to
// its outbox entry here, and nowhere else. The store writes what this decides; the runner in
// src/sync only produces events. Sealed parts (payload, destination, field problems) are opaque.

import { isStoryNumber } from '../story/storyNumber.ts';
import { nextDelayMs } from './backoff.ts';
import type { OutboxEntry } from './sendEntry.ts';
import type { Applied, Next, QueueContext, QueueEvent } from './sendEvents.ts';
import type { SendProblem, SendRefusal } from './sendProblem.ts';
import {
  canEdit,
  isExportable,
  isWaiting,
  keyMayBeUsed,
  mayHaveArrived,
  sentToDesk,
  wasAttempted,
} from './sendRules.ts';

export type { Applied, Next, QueueContext, QueueEvent } from './sendEvents.ts';
export {
  canEdit,
  isExportable,
  isWaitingToSend,
  keyMayBeUsed,
  mayHaveArrived,
  sentToDesk,
  wasAttempted,
} from './sendRules.ts';

const entry = (e: OutboxEntry): Applied => ({ ok: true, next: { kind: 'entry', entry: e } });
const settle = (next: Next): Applied => ({ ok: true, next });
/** Why not, as a code: the screens word it through the catalogue's `send.refusals`. */
const refuse = (reason: SendRefusal): Applied => ({ ok: false, reason });

/** The longest a request can be in flight (the client's 30 s timeout) and a margin. */
export const IN_FLIGHT_MS = 35_000;

/** Whether a request for it may be in flight (in this or another page) right now. */
const inFlight = (e: OutboxEntry, now: number) =>
  e.state === 'sending' && now < (e.attemptStartedAt ?? 0) + IN_FLIGHT_MS;

/** Whether the runner should look at it now (see `attempt-started` for `exclusive`). */
export function isDue(e: OutboxEntry, now: number, exclusive: boolean): boolean {
  if (e.state === 'sending') return exclusive || !inFlight(e, now);
  return e.state === 'queued' && e.nextAttemptAt <= now;
}

/** When it will next be due (null: never by itself: it needs a person, or an answer). */
export function dueAt(e: OutboxEntry): number | null {
  if (e.state === 'sending') return (e.attemptStartedAt ?? 0) + IN_FLIGHT_MS;
  return e.state === 'queued' ? e.nextAttemptAt : null;
}

export function applyQueueEvent(e: OutboxEntry | null, event: QueueEvent, ctx: QueueContext): Applied {
  const bump = (change: Partial<OutboxEntry>): Applied =>
    entry({ ...(e as OutboxEntry), ...change, version: (e?.version ?? 0) + 1 });
  switch (event.type) {
    case 'queued': {
      if (!event.consented) return refuse('noConsent');
      if (e !== null && e.state !== 'needs-attention') return refuse('alreadyWaiting');
      return entry({
        id: event.id,
        state: event.byHand ? 'ready-to-post' : 'queued',
        version: (e?.version ?? 0) + 1,
        idempotencyKey: event.key,
        payload: event.payload,
        attempts: 0,
        failures: 0,
        notBefore: 0,
        nextAttemptAt: event.now,
        queuedAt: event.now,
      });
    }
    case 'edited':
      if (!canEdit(e)) return refuse('alreadySent');
      return settle({ kind: 'draft' });
    case 'withdrawn':
      // Sent to the posting desk (held there, in flight, or waiting to try again — an earlier try may
      // have been stored): marked, and the runner withdraws it there (`desk-deleted`). One the desk
      // refused (needs attention) holds nothing there: it goes as any refused story.
      if (e !== null && sentToDesk(e) && e.state !== 'needs-attention') {
        if (e.withdrawnAt !== undefined) return entry(e);
        return bump({
          withdrawnAt: event.now,
          ...(e.state === 'queued' ? { state: 'at-desk' as const } : {}),
        });
      }
      if (e === null || !mayHaveArrived(e)) return settle({ kind: 'deleted' });
      if (e.withdrawnAt !== undefined) return entry(e);
      // In flight: wait for the answer, so the receipt keeps Care Opinion's id.
      if (e.state === 'sending') return bump({ withdrawnAt: event.now });
      return settle({ kind: 'withdrawn', mayHaveArrived: true });
    case 'made-due':
      if (e === null || e.state !== 'queued') return e === null ? refuse('nothingToSend') : entry(e);
      if (e.nextAttemptAt === Math.max(event.now, e.notBefore) && (!event.resetBackoff || e.failures === 0))
        return entry(e);
      return bump({
        nextAttemptAt: Math.max(event.now, e.notBefore),
        failures: event.resetBackoff ? 0 : e.failures,
      });
    case 'attempt-started':
      if (e === null || e.withdrawnAt !== undefined || (e.state !== 'queued' && e.state !== 'sending'))
        return refuse('notWaiting');
      if (!event.exclusive && inFlight(e, event.now)) return refuse('inFlight');
      return bump({
        state: 'sending',
        attempts: e.attempts + 1,
        attemptStartedAt: event.now,
        firstAttemptAt: e.firstAttemptAt ?? event.now,
        destination: e.firstAttemptAt === undefined ? event.destination : e.destination,
        // Frozen at the first try: every retry under this key sends the same bytes.
        ...(e.desk === undefined && event.desk ? { desk: event.desk.sealed, deskKid: event.desk.kid } : {}),
      });
    case 'answered':
      if (e === null || e.state !== 'sending' || e.attempts !== event.attempt) return refuse('noRequest');
      // The desk's own answers come only to a request sent to the desk.
      if ((event.verdict.class === 'at-desk' || event.verdict.class === 'desk-key-changed') && !sentToDesk(e))
        return refuse('noRequest');
      return answer(e, event, ctx, bump);
    case 'interrupted':
      if (e === null || e.state !== 'sending') return refuse('nothingInFlight');
      if (e.withdrawnAt === undefined) return entry(e);
      // The desk may hold it: withdrawn there first.
      if (sentToDesk(e)) return bump({ state: 'at-desk' });
      return settle({ kind: 'withdrawn', mayHaveArrived: true });
    case 'posted-by-hand':
      if (e === null || e.state !== 'ready-to-post' || e.withdrawnAt !== undefined)
        return refuse('notReadyByHand');
      if (!isStoryNumber(event.storyNumber)) return refuse('notStoryNumber');
      return settle({ kind: 'sent', careOpinionId: event.storyNumber, byHand: true });
    case 'delivery-changed':
      if (e === null) return refuse('nothingToMove');
      // Once a request went out (or a sealed file) its key may have been used: it stays with the API.
      if (keyMayBeUsed(e) || !isWaiting(e)) return entry(e);
      if (event.mode === 'by-hand')
        return e.state === 'ready-to-post' ? entry(e) : bump({ state: 'ready-to-post' });
      if (e.state === 'queued') return entry(e);
      return bump({ state: 'queued', nextAttemptAt: Math.max(event.now, e.notBefore), failures: 0 });
    case 'exported':
      // Only the mark: state, key, payload, due time and backoff stay as they are, so it is still sent.
      if (e === null || !isExportable(e)) return refuse('notExportable');
      return bump({ exportedAt: event.now });
    case 'desk-waits':
      if (e === null || e.state !== 'queued' || e.withdrawnAt !== undefined || sentToDesk(e))
        return refuse('notWaiting');
      return backOff(e, event.now, ctx, event.reason, bump);
    case 'desk-status':
      if (e === null || e.state !== 'at-desk') return refuse('notAtDesk');
      return deskStatus(e, event, bump);
    case 'desk-deleted':
      if (e === null || e.state !== 'at-desk') return refuse('notAtDesk');
      if (event.outcome === 'posted') {
        if (event.storyNumber === undefined) return entry(e); // its number comes with the next status
        return posted(e, event.storyNumber);
      }
      if (e.withdrawnAt !== undefined) return settle({ kind: 'withdrawn', mayHaveArrived: false });
      return event.newKey === undefined ? refuse('notAtDesk') : reseal(event.newKey, event.now, bump);
    case 'refused-locally':
      if (e === null) return refuse('nothingToRefuse');
      if (e.state === 'at-desk') return refuse('notWaiting'); // the desk holds it: only its answers move it
      // Once a request went out only the server decides: a stricter local rule never reopens it.
      if (wasAttempted(e)) return backOff(e, event.now, ctx, event.reason, bump);
      return bump({ state: 'needs-attention', lastProblem: event.reason, fieldProblems: undefined });
  }
}

function answer(
  e: OutboxEntry,
  event: Extract<QueueEvent, { type: 'answered' }>,
  ctx: QueueContext,
  bump: (change: Partial<OutboxEntry>) => Applied,
): Applied {
  const { verdict, now } = event;
  if (e.withdrawnAt !== undefined && sentToDesk(e)) {
    // The desk may hold it (stored, or no answer): withdrawn there first. Refused: nothing is there.
    if (verdict.class === 'at-desk' || verdict.class === 'retry' || verdict.class === 'key-rejected')
      return bump({ state: 'at-desk' });
    return settle({ kind: 'withdrawn', mayHaveArrived: false });
  }
  if (e.withdrawnAt !== undefined) {
    if (verdict.class === 'sent')
      return settle({ kind: 'withdrawn', careOpinionId: verdict.id, mayHaveArrived: true });
    return settle({ kind: 'withdrawn', mayHaveArrived: verdict.class !== 'needs-attention' });
  }
  switch (verdict.class) {
    case 'sent':
      return settle({ kind: 'sent', careOpinionId: verdict.id });
    case 'needs-attention':
      return bump({ state: 'needs-attention', lastProblem: verdict.reason, fieldProblems: event.problems });
    case 'key-rejected':
      // Held until the key is fixed (the queue pauses); not a failure of this story.
      return bump({ state: 'queued', nextAttemptAt: now, notBefore: 0, lastProblem: verdict.reason });
    case 'retry':
      return backOff(e, now, ctx, verdict.reason, bump, verdict.retryAfterMs);
    case 'at-desk':
      return bump({
        state: 'at-desk',
        failures: 0,
        notBefore: 0,
        nextAttemptAt: now,
        lastProblem: undefined,
        fieldProblems: undefined,
      });
    case 'desk-key-changed':
      // Nothing was stored under its key (the relay checks a replay first): sealed again, a new key.
      return event.newKey === undefined ? refuse('noRequest') : reseal(event.newKey, now, bump);
  }
}

/** Back to the queue as if never tried, under a new key: sealed again to the desk's current key. */
function reseal(key: string, now: number, bump: (change: Partial<OutboxEntry>) => Applied): Applied {
  return bump({
    state: 'queued',
    idempotencyKey: key,
    desk: undefined,
    deskKid: undefined,
    firstAttemptAt: undefined,
    attemptStartedAt: undefined,
    destination: undefined,
    failures: 0,
    notBefore: 0,
    nextAttemptAt: now,
    lastProblem: undefined,
  });
}

/** The lead posted it: sent, with its number; or, withdrawn meanwhile, a receipt with the take-down advice. */
function posted(e: OutboxEntry, storyNumber: string): Applied {
  if (!isStoryNumber(storyNumber)) return refuse('notStoryNumber');
  if (e.withdrawnAt !== undefined)
    return settle({ kind: 'withdrawn', careOpinionId: storyNumber, mayHaveArrived: true });
  // The lead posted it on Care Opinion's website by hand: its receipt says so, with its story number.
  return settle({ kind: 'sent', careOpinionId: storyNumber, byHand: true });
}

function deskStatus(
  e: OutboxEntry,
  event: Extract<QueueEvent, { type: 'desk-status' }>,
  bump: (change: Partial<OutboxEntry>) => Applied,
): Applied {
  switch (event.state) {
    case 'posted':
      return event.storyNumber === undefined ? entry(e) : posted(e, event.storyNumber);
    case 'withdrawn':
      // Withdrawn there (a DELETE whose answer was lost): settled as withdrawn, nothing posted — or,
      // when the storyteller did not withdraw it (taken back for a new desk key), sealed again.
      if (e.withdrawnAt !== undefined) return settle({ kind: 'withdrawn', mayHaveArrived: false });
      return event.newKey === undefined ? entry(e) : reseal(event.newKey, event.now, bump);
    case 'unknown':
      // The relay lost it (a restore from backup): withdrawn now, or sent again, the same body and key.
      if (e.withdrawnAt !== undefined) return settle({ kind: 'withdrawn', mayHaveArrived: false });
      return bump({ state: 'queued', nextAttemptAt: event.now, failures: 0, notBefore: 0 });
  }
}

function backOff(
  e: OutboxEntry,
  now: number,
  ctx: QueueContext,
  problem: SendProblem,
  bump: (change: Partial<OutboxEntry>) => Applied,
  retryAfterMs?: number,
): Applied {
  // A story that failed while others went through met a fault of its own (a 5xx, a dropped
  // connection), not an outage: it waits as if it had failed only as often as the queue has in a
  // row just before, so one unlucky story is not parked for minutes while the server answers. In an
  // outage every answer fails, the run grows, and the backoff is the story's own as before.
  const exponent = Math.min(e.failures, ctx.failedBefore ?? e.failures);
  const delay = nextDelayMs(exponent, ctx.random, {}, retryAfterMs);
  return bump({
    state: 'queued',
    failures: e.failures + 1,
    nextAttemptAt: now + delay,
    notBefore: retryAfterMs === undefined ? 0 : now + retryAfterMs,
    lastProblem: problem,
  });
}
