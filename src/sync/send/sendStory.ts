// Sending one story: open its frozen body, apply attempt-started, send with its fixed key to its
// fixed destination, apply the answer. Every decision is the domain reducer's (via the store's one
// writer); every write result is checked, and a failed write ends the pass.

import type { DeskKey } from '../../domain/desk/deskStory.ts';
import { classifyAnswer } from '../../domain/send/answers.ts';
import { redactFieldErrors } from '../../domain/send/fieldErrors.ts';
import type { OutboxEntry } from '../../domain/send/sendEntry.ts';
import type { SendProblem } from '../../domain/send/sendProblem.ts';
import { keyMayBeUsed, type QueueEvent, sentToDesk, wasAttempted } from '../../domain/send/sendReducer.ts';
import { type QueuedStory, QueuedStorySchema } from '../../domain/story/submission.ts';
import type { StoryDb } from '../../store/db.ts';
import * as outbox from '../../store/send/outbox.ts';
import { applySendEvent, type SendWriteOptions } from '../../store/send/sendWriter.ts';
import { type Cipher, destinationAad, problemsAad } from '../../store/vault/cipher.ts';
import type { Answer, Client, Connection } from '../client.ts';

export type SendDeps = {
  db: StoryDb;
  cipher: Cipher;
  client: Client;
  /** Where stories go now (Settings): used until a story's first request fixes its destination. */
  connection: () => Connection;
  now: () => number;
  random: () => number;
  exclusive: boolean;
  /** The runner's count of failed answers in a row, across stories (see `QueueContext.failedBefore`). */
  streak?: AnswerStreak;
  /** The posting desk (issue 27); absent: stories never go to a desk. */
  desk?: DeskDeps;
};

/** What sending to the posting desk needs (issue 27, `deskSend.ts`). */
export type DeskDeps = {
  /** Whether Settings send stories to the desk now ("How stories reach Care Opinion"). */
  chosen: () => boolean;
  /** The desk's key as kept with the settings (null: no desk, or not known yet). */
  key: () => DeskKey | null;
  /** Asks the relay for the desk's key again and keeps it (after 422 desk-key-changed, or 404 no-desk). */
  refreshKey: () => Promise<void>;
  /** A new Idempotency-Key (a UUID) for a story sealed again to a new desk key. */
  newKey: () => string;
  crypto: typeof globalThis.crypto;
};

export type Apply = (
  event: QueueEvent,
  expect?: SendWriteOptions['expect'],
  failedBefore?: number,
) => ReturnType<typeof applySendEvent>;

/** Takes one answer's outcome (failed; or not: sent or refused; null: neither), gives the run before it. */
export type AnswerStreak = { record(failed: boolean | null): number };

/** The queue's failed answers in a row: a failure lengthens the run, an answer that is not one ends it. */
export function answerStreak(): AnswerStreak {
  let run = 0;
  return {
    record(failed) {
      const before = run;
      if (failed !== null) run = failed ? run + 1 : 0;
      return before;
    },
  };
}

/**
 * answered: an answer came (go on); next: nothing was sent (go on); no-answer: no network or a
 * timeout (the runner counts these in a row); stop-pass: the app is locked or the request was
 * cancelled; paused: key refused; write-failed.
 */
export type SendOutcome = 'answered' | 'next' | 'no-answer' | 'stop-pass' | 'paused' | 'write-failed';

/** Why a story was not sent when its frozen copy can't be opened (kept until it is withdrawn). */
export const DAMAGED = 'damaged' satisfies SendProblem;
/** Why not when the device's own check refuses it (incomplete, or no consent). */
const INCOMPLETE = 'notComplete' satisfies SendProblem;

export async function sendStory(deps: SendDeps, entry: OutboxEntry): Promise<SendOutcome> {
  const apply: Apply = async (event, expect, failedBefore) => {
    const ctx = { random: deps.random, ...(failedBefore === undefined ? {} : { failedBefore }) };
    const options = { ctx, now: deps.now(), ...(expect ? { expect } : {}) };
    return applySendEvent(deps.db, deps.cipher, entry.id, event, options);
  };
  if (entry.withdrawnAt !== undefined) {
    return (await apply({ type: 'interrupted', now: deps.now() })).ok ? 'next' : 'write-failed';
  }
  const toSend = await storyToSend(deps.cipher, entry);
  if (!toSend.ok) {
    if (toSend.reason === 'locked') return 'stop-pass';
    const refused = { type: 'refused-locally', reason: toSend.reason, now: deps.now() } as const;
    return (await apply(refused)).ok ? 'next' : 'write-failed';
  }
  const { story } = toSend;
  // Once it went to the desk it stays with the desk; a story never tried goes there while chosen.
  if (sentToDesk(entry) || (deps.desk?.chosen() === true && !keyMayBeUsed(entry))) {
    const { sendToDesk } = await import('./deskSend.ts');
    return sendToDesk(deps, entry, story, apply);
  }
  const tried = await tryOnce(deps, entry, apply, '/opinions', story);
  if (tried.kind === 'ended') return tried.outcome;
  const { answer, marked } = tried;
  const now = deps.now();
  const verdict = classifyAnswer(answer, now);
  const problems =
    verdict.class === 'needs-attention' && verdict.errors.length > 0
      ? await deps.cipher.seal(redactFieldErrors(verdict.errors, secretsOf(story)), problemsAad(entry.id))
      : undefined;
  const failedBefore = deps.streak?.record(
    verdict.class === 'retry' ? true : verdict.class === 'key-rejected' ? null : false,
  );
  const answered = await apply(
    { type: 'answered', attempt: marked.attempts, verdict, now, problems },
    { key: marked.idempotencyKey },
    failedBefore,
  );
  if (!answered.ok) return 'write-failed';
  if (verdict.class === 'key-rejected')
    return (await outbox.setPause(deps.db, verdict.reason)).ok ? 'paused' : 'write-failed';
  // No answer at all: the device may be offline (the runner decides after a few in a row).
  return answer.kind === 'response' ? 'answered' : 'no-answer';
}

/** One try's request and its answer, or how the pass goes on when none was sent or it was cancelled. */
export type Tried =
  | { kind: 'ended'; outcome: SendOutcome }
  | { kind: 'answer'; answer: Exclude<Answer, { kind: 'cancelled' }>; marked: OutboxEntry };

/**
 * One try, the same for Care Opinion and the posting desk: the destination fixed at the first (sealed
 * in the entry), the attempt started through the reducer (which refuses a second request in flight
 * or an entry changed meanwhile), then `body` posted to `path` under the entry's fixed key.
 * `desk`: the sealed desk body to freeze with the first attempt.
 */
export async function tryOnce(
  deps: SendDeps,
  entry: OutboxEntry,
  apply: Apply,
  path: string,
  body: unknown,
  desk?: { sealed: unknown; kid: string },
): Promise<Tried> {
  const current = deps.connection();
  const fixed = wasAttempted(entry) ? await outbox.openDestination(deps.cipher, entry) : null;
  const connection = destinationFor(fixed, current);
  const destination = fixed ? undefined : await deps.cipher.seal(current, destinationAad(entry.id));
  const started = await apply(
    {
      type: 'attempt-started',
      now: deps.now(),
      destination,
      exclusive: deps.exclusive,
      ...(desk ? { desk } : {}),
    },
    { version: entry.version, key: entry.idempotencyKey },
  );
  if (!started.ok) return { kind: 'ended', outcome: 'write-failed' };
  if (started.value.kind !== 'applied' || started.value.next.kind !== 'entry')
    return { kind: 'ended', outcome: 'next' }; // changed meanwhile
  const marked = started.value.next.entry;
  const answer = await deps.client.request(connection, path, {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': marked.idempotencyKey },
  });
  if (answer.kind === 'cancelled') return { kind: 'ended', outcome: 'stop-pass' };
  return { kind: 'answer', answer, marked };
}

/** The body the queue sends for an entry (under its `idempotencyKey`), or why it would send none. */
export type ToSend =
  | { ok: true; story: QueuedStory }
  | { ok: false; reason: 'locked' | typeof DAMAGED | typeof INCOMPLETE };

/**
 * What the queue sends for this entry: its frozen body opened and checked — the one place that
 * decides it, used by the runner and by the sealed file of unsent stories (issue 26), so a story
 * carried out in a file is byte for byte what the iPad would send under the same key.
 */
export async function storyToSend(cipher: Cipher, entry: OutboxEntry): Promise<ToSend> {
  const opened = await outbox.openBody(cipher, entry);
  if (!opened.ok) return { ok: false, reason: opened.reason === 'locked' ? 'locked' : DAMAGED };
  const story = checkBody(entry, opened.value);
  return story === null ? { ok: false, reason: INCOMPLETE } : { ok: true, story };
}

/**
 * No consent, no upload — whatever the outbox holds. Before the first request the whole schema is
 * checked; after it only consent is (the server decides: a stricter rule in an update must not
 * reopen a story Care Opinion may hold).
 */
function checkBody(entry: OutboxEntry, body: unknown): QueuedStory | null {
  if (!wasAttempted(entry)) {
    const parsed = QueuedStorySchema.safeParse(body);
    return parsed.success ? parsed.data : null;
  }
  const consent = (body as { consent?: { publish?: unknown } } | null)?.consent;
  return consent?.publish === true ? (body as QueuedStory) : null;
}

/** The fixed destination, with today's key when it is still the address in Settings (a fixed key). */
export function destinationFor(fixed: outbox.Destination | null, current: Connection): Connection {
  if (fixed === null || fixed.apiAddress === current.apiAddress) return current;
  return { apiAddress: fixed.apiAddress, key: fixed.key };
}

/** The story's own personal values, to keep out of anything stored about a refusal. */
function secretsOf(story: QueuedStory): string[] {
  const { username, email, postcode } = story.author;
  return [username, email ?? '', postcode, story.title, story.body];
}
