// The send queue's transitions on the device, each one transaction over the outbox entry and its
// story (ARCHITECTURE.md, "The send queue"). After a confirmed send the story's personal data is
// deleted in the same transaction that writes its receipt.
import { type FieldProblem, type OutboxEntry, OutboxEntrySchema, type Receipt } from '../domain/sendEntry.ts';
import { readDraft } from '../domain/story.ts';
import { type Cipher, openPayload, outboxAad, storyAad } from './cipher.ts';
import type { StoryDb } from './db.ts';
import { toReceiptRow } from './receipts.ts';
import { runWrite, type WriteResult } from './write.ts';

const PAUSE_KEY = 'queue-pause';
const LAST_SENT_KEY = 'queue-last-sent';

/** Entries the runner works on: queued, and sending (left by a crash: resumed with the same key). */
export async function listActive(db: StoryDb): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('state').anyOf('queued', 'sending').toArray();
  return rows
    .flatMap((row) => {
      const parsed = OutboxEntrySchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The frozen body to send, opened from its sealed form; undefined when it cannot be opened. */
export function openBody(cipher: Cipher, entry: OutboxEntry): Promise<unknown> {
  return openPayload(cipher, entry.payload, outboxAad(entry.id));
}

async function update(
  db: StoryDb,
  id: string,
  change: (entry: OutboxEntry) => OutboxEntry,
  storyState: string,
): Promise<OutboxEntry | null> {
  return db.transaction('rw', db.outbox, db.stories, async () => {
    const parsed = OutboxEntrySchema.safeParse(await db.outbox.get(id));
    if (!parsed.success) return null; // withdrawn meanwhile
    const next = change(parsed.data);
    await db.outbox.put(next);
    await db.stories.update(id, { state: storyState });
    return next;
  });
}

/** Every trigger but the backoff timer makes all queued stories due (never before Retry-After). */
export function makeAllDue(db: StoryDb, now: number, resetBackoff: boolean): Promise<WriteResult<void>> {
  return runWrite(db, () =>
    db.transaction('rw', db.outbox, async () => {
      const entries = await listActive(db);
      for (const e of entries) {
        await db.outbox.put({
          ...e,
          nextAttemptAt: Math.max(now, e.notBefore),
          failures: resetBackoff ? 0 : e.failures,
        });
      }
    }),
  );
}

/**
 * Before the request goes out: from now on the payload and key are fixed until an answer settles
 * it. Null when the entry is gone or is no longer the one read (taken back, edited and queued
 * again with another key): the caller then sends nothing for it in this pass.
 */
export function markSending(
  db: StoryDb,
  id: string,
  idempotencyKey: string,
  now: number,
): Promise<WriteResult<OutboxEntry | null>> {
  return runWrite(db, () =>
    db.transaction('rw', db.outbox, db.stories, async () => {
      const parsed = OutboxEntrySchema.safeParse(await db.outbox.get(id));
      if (!parsed.success || parsed.data.idempotencyKey !== idempotencyKey) return null;
      if (parsed.data.state !== 'queued' && parsed.data.state !== 'sending') return null;
      const next: OutboxEntry = {
        ...parsed.data,
        state: 'sending',
        attempts: parsed.data.attempts + 1,
        firstAttemptAt: parsed.data.firstAttemptAt ?? now,
      };
      await db.outbox.put(next);
      await db.stories.update(id, { state: 'sending' });
      return next;
    }),
  );
}

export function markRetry(
  db: StoryDb,
  id: string,
  change: { nextAttemptAt: number; notBefore: number; problem: string; countFailure: boolean },
): Promise<WriteResult<OutboxEntry | null>> {
  return runWrite(db, () =>
    update(
      db,
      id,
      (e) => ({
        ...e,
        state: 'queued',
        nextAttemptAt: change.nextAttemptAt,
        notBefore: change.notBefore,
        lastProblem: change.problem,
        failures: change.countFailure ? e.failures + 1 : e.failures,
      }),
      'queued',
    ),
  );
}

export function markNeedsAttention(
  db: StoryDb,
  id: string,
  problem: string,
  fields: FieldProblem[],
): Promise<WriteResult<OutboxEntry | null>> {
  return runWrite(db, () =>
    update(
      db,
      id,
      (e) => ({ ...e, state: 'needs-attention', lastProblem: problem, fieldProblems: fields }),
      'needs-attention',
    ),
  );
}

/** 201 or 200: keep a receipt, delete the story and everything personal, in one transaction. */
export function markSent(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  careOpinionId: string,
  now: number,
): Promise<WriteResult<Receipt | null>> {
  return runWrite(db, async () => {
    const row = await db.stories.get(id);
    const draft = readDraft(row ? await openPayload(cipher, row.payload, storyAad(id)) : undefined);
    const receipt: Receipt = {
      id,
      kind: 'sent',
      at: now,
      careOpinionId,
      title: draft.title.trim(),
      services: draft.services.map((s) => s.name.trim()),
      postedOnBehalf: draft.author.noEmail,
      mayHaveArrived: true,
    };
    if (draft.collectedAt) receipt.collectedAt = draft.collectedAt;
    const receiptRow = await toReceiptRow(cipher, receipt);
    return db.transaction('rw', db.outbox, db.stories, db.receipts, db.meta, async () => {
      if (!(await db.outbox.get(id))) return null;
      await db.receipts.put(receiptRow);
      await db.outbox.delete(id);
      await db.stories.delete(id);
      await db.meta.put({ key: LAST_SENT_KEY, value: now });
      return receipt;
    });
  });
}

export async function getLastSentAt(db: StoryDb): Promise<number | null> {
  const value = (await db.meta.get(LAST_SENT_KEY))?.value;
  return typeof value === 'number' ? value : null;
}

/** "Key not accepted" pauses the whole queue until Settings are saved (kept across reloads). */
export async function getPause(db: StoryDb): Promise<string | null> {
  const value = (await db.meta.get(PAUSE_KEY))?.value;
  return typeof value === 'string' ? value : null;
}

export function setPause(db: StoryDb, reason: string | null): Promise<WriteResult<void>> {
  return runWrite(db, async () => {
    if (reason === null) await db.meta.delete(PAUSE_KEY);
    else await db.meta.put({ key: PAUSE_KEY, value: reason });
  });
}
