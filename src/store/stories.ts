// Stories on the device: drafts as typed, the outbox entry made when one is queued, and the
// receipt left when one is withdrawn. Payloads are sealed (src/store/cipher.ts) before a
// transaction and opened after it; every write goes through runWrite and commits before it
// resolves. Callers get domain types, never raw rows.

import { sameJson } from '../domain/json.ts';
import { type OutboxEntry, OutboxEntrySchema, type Receipt } from '../domain/sendEntry.ts';
import { canEdit } from '../domain/sendReducer.ts';
import { type Draft, readDraft } from '../domain/story.ts';
import type { QueuedStory } from '../domain/submission.ts';
import { type Cipher, openPayload, outboxAad, storyAad } from './cipher.ts';
import type { StoryDb, StoryRow } from './db.ts';
import { getReceipt, toReceiptRow } from './receipts.ts';

import { runWrite, type WriteResult } from './write.ts';

export { listReceipts } from './receipts.ts';

export type StoryState = 'draft' | 'queued' | 'sending' | 'needs-attention';
export type StoredStory = {
  id: string;
  state: StoryState;
  createdAt: number;
  updatedAt: number;
  draft: Draft;
};

async function toStory(cipher: Cipher, row: StoryRow): Promise<StoredStory> {
  const state =
    (['draft', 'queued', 'sending', 'needs-attention'] as const).find((s) => s === row.state) ?? 'draft';
  return {
    id: row.id,
    state,
    createdAt: row.createdAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    draft: readDraft(await openPayload(cipher, row.payload, storyAad(row.id))),
  };
}

export function createStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  draft: Draft,
  now: number,
): Promise<WriteResult<void>> {
  return runWrite(db, async () => {
    const payload = await cipher.seal(draft, storyAad(id));
    await db.stories.add({ id, state: 'draft', createdAt: now, updatedAt: now, payload });
  });
}

export async function getStory(db: StoryDb, cipher: Cipher, id: string): Promise<StoredStory | null> {
  const row = await db.stories.get(id);
  return row ? toStory(cipher, row) : null;
}

export async function listStories(db: StoryDb, cipher: Cipher): Promise<StoredStory[]> {
  const rows = await db.stories.toArray();
  return Promise.all(rows.map((row) => toStory(cipher, row)));
}

/** Outbox entries with their payloads still sealed: enough for lists (state, attempts, problems). */
export async function listOutbox(db: StoryDb): Promise<OutboxEntry[]> {
  return (await db.outbox.toArray()).flatMap((row) => {
    const parsed = OutboxEntrySchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getOutboxEntry(db: StoryDb, id: string): Promise<OutboxEntry | null> {
  const parsed = OutboxEntrySchema.safeParse(await db.outbox.get(id));
  return parsed.success ? parsed.data : null;
}

export type SaveOutcome = 'saved' | 'not-editable' | 'missing';

/** Saves a draft as typed. A story in the queue is not changed (it must be taken back first). */
export function saveDraft(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  draft: Draft,
  now: number,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, async () => {
    const payload = await cipher.seal(draft, storyAad(id));
    return db.transaction('rw', db.stories, async (): Promise<SaveOutcome> => {
      const row = await db.stories.get(id);
      if (!row) return 'missing';
      if (row.state !== 'draft') return 'not-editable';
      await db.stories.put({ ...row, updatedAt: now, payload });
      return 'saved';
    });
  });
}

/**
 * Queues a story: the frozen payload (sealed) and its Idempotency-Key, in one transaction with its
 * state. A story fixed after "Needs attention" keeps its old key if its payload did not change.
 */
export function queueStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  payload: QueuedStory,
  newKey: string,
  now: number,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, async () => {
    const previous = await getOutboxEntry(db, id);
    const before = previous ? await openPayload(cipher, previous.payload, outboxAad(id)) : undefined;
    const idempotencyKey = previous && sameJson(before, payload) ? previous.idempotencyKey : newKey;
    const sealed = await cipher.seal(payload, outboxAad(id));
    return db.transaction('rw', db.stories, db.outbox, async (): Promise<SaveOutcome> => {
      const row = await db.stories.get(id);
      if (!row) return 'missing';
      if (row.state !== 'draft') return 'not-editable';
      const entry: OutboxEntry = {
        id,
        state: 'queued',
        idempotencyKey,
        payload: sealed,
        attempts: 0,
        failures: 0,
        notBefore: 0,
        nextAttemptAt: now,
        queuedAt: now,
      };
      await db.outbox.put(entry);
      await db.stories.put({ ...row, state: 'queued', updatedAt: now });
      return 'saved';
    });
  });
}

/**
 * Takes a story back to draft to be changed: a queued one only if no request was ever sent for it
 * (its key is dropped); one that needs attention keeps its entry, so an unchanged payload keeps its key.
 */
export function unqueueStory(db: StoryDb, id: string, now: number): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, () =>
    db.transaction('rw', db.stories, db.outbox, async (): Promise<SaveOutcome> => {
      const row = await db.stories.get(id);
      if (!row) return 'missing';
      if (row.state === 'draft') return 'saved';
      const parsed = OutboxEntrySchema.safeParse(await db.outbox.get(id));
      if (!parsed.success || !canEdit(parsed.data)) return 'not-editable';
      if (parsed.data.state !== 'needs-attention') await db.outbox.delete(id);
      await db.stories.put({ ...row, state: 'draft', updatedAt: now });
      return 'saved';
    }),
  );
}

/**
 * Withdraw (PRODUCT.md, consent): before any send attempt the story is simply deleted. After an
 * attempt it may already be at Care Opinion: everything is deleted but a receipt saying so.
 */
export function withdrawStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  now: number,
): Promise<WriteResult<'deleted' | 'receipt' | 'missing'>> {
  return runWrite(db, async () => {
    const story = await getStory(db, cipher, id);
    if (!story) return withdrawReceipt(db, cipher, id);
    const receipt: Receipt = {
      id,
      kind: 'withdrawn',
      at: now,
      title: story.draft.title.trim(),
      services: story.draft.services.map((s) => s.name),
      postedOnBehalf: story.draft.author.noEmail,
      mayHaveArrived: true,
    };
    const row = await toReceiptRow(cipher, receipt);
    return db.transaction('rw', db.stories, db.outbox, db.receipts, async () => {
      const entry = OutboxEntrySchema.safeParse(await db.outbox.get(id));
      // A refusal (needs attention) settled it as not stored; any other attempt may have arrived.
      const attempted =
        entry.success &&
        entry.data.state !== 'needs-attention' &&
        (entry.data.attempts > 0 || entry.data.firstAttemptAt !== undefined);
      await db.outbox.delete(id);
      await db.stories.delete(id);
      if (!attempted) return 'deleted';
      await db.receipts.put(row);
      return 'receipt';
    });
  });
}

/** A sent story is already at Care Opinion: its receipt now says it was withdrawn; a withdrawn one is dismissed. */
async function withdrawReceipt(
  db: StoryDb,
  cipher: Cipher,
  id: string,
): Promise<'deleted' | 'receipt' | 'missing'> {
  const receipt = await getReceipt(db, cipher, id);
  if (!receipt) return 'missing';
  if (receipt.kind === 'withdrawn') {
    await db.receipts.delete(id);
    return 'deleted';
  }
  await db.receipts.update(id, { kind: 'withdrawn', mayHaveArrived: true });
  return 'receipt';
}
