// Stories on the device: drafts as typed, the outbox entry made when one is queued, and the
// receipt left when one is withdrawn. Every write goes through runWrite and commits before it
// resolves. Callers get domain types, never raw rows.
import { type OutboxEntry, OutboxEntrySchema, type Receipt, ReceiptSchema } from '../domain/outbox.ts';
import { canEdit } from '../domain/queue.ts';
import type { QueuedStory } from '../domain/queuedStory.ts';
import { type Draft, readDraft } from '../domain/story.ts';
import type { StoryDb, StoryRow } from './db.ts';
import { runWrite, type WriteResult } from './write.ts';

export type StoryState = 'draft' | 'queued' | 'sending' | 'needs-attention';
export type StoredStory = {
  id: string;
  state: StoryState;
  createdAt: number;
  updatedAt: number;
  draft: Draft;
};

function toStory(row: StoryRow): StoredStory {
  const state =
    (['draft', 'queued', 'sending', 'needs-attention'] as const).find((s) => s === row.state) ?? 'draft';
  return {
    id: row.id,
    state,
    createdAt: row.createdAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    draft: readDraft(row.payload),
  };
}

export function createStory(db: StoryDb, id: string, draft: Draft, now: number): Promise<WriteResult<void>> {
  return runWrite(db, async () => {
    await db.stories.add({ id, state: 'draft', createdAt: now, updatedAt: now, payload: draft });
  });
}

export async function getStory(db: StoryDb, id: string): Promise<StoredStory | null> {
  const row = await db.stories.get(id);
  return row ? toStory(row) : null;
}

export async function listStories(db: StoryDb): Promise<StoredStory[]> {
  return (await db.stories.toArray()).map(toStory);
}

export async function listOutbox(db: StoryDb): Promise<OutboxEntry[]> {
  return (await db.outbox.toArray()).flatMap((row) => {
    const parsed = OutboxEntrySchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function listReceipts(db: StoryDb): Promise<Receipt[]> {
  return (await db.receipts.toArray()).flatMap((row) => {
    const parsed = ReceiptSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export type SaveOutcome = 'saved' | 'not-editable' | 'missing';

/** Saves a draft as typed. A story in the queue is not changed (it must be taken back first). */
export function saveDraft(
  db: StoryDb,
  id: string,
  draft: Draft,
  now: number,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, () =>
    db.transaction('rw', db.stories, async (): Promise<SaveOutcome> => {
      const row = await db.stories.get(id);
      if (!row) return 'missing';
      if (row.state !== 'draft') return 'not-editable';
      await db.stories.put({ ...row, updatedAt: now, payload: draft });
      return 'saved';
    }),
  );
}

/**
 * Queues a story: the frozen payload and its Idempotency-Key, in one transaction with its state.
 * A story fixed after "Needs attention" keeps its old key if its payload did not change.
 */
export function queueStory(
  db: StoryDb,
  id: string,
  payload: QueuedStory,
  newKey: string,
  now: number,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, () =>
    db.transaction('rw', db.stories, db.outbox, async (): Promise<SaveOutcome> => {
      const row = await db.stories.get(id);
      if (!row) return 'missing';
      if (row.state !== 'draft') return 'not-editable';
      const previous = OutboxEntrySchema.safeParse(await db.outbox.get(id));
      const keep = previous.success && sameJson(previous.data.payload, payload);
      const entry: OutboxEntry = {
        id,
        state: 'queued',
        idempotencyKey: keep ? previous.data.idempotencyKey : newKey,
        payload,
        attempts: 0,
        failures: 0,
        notBefore: 0,
        nextAttemptAt: now,
        queuedAt: now,
      };
      await db.outbox.put(entry);
      await db.stories.put({ ...row, state: 'queued', updatedAt: now });
      return 'saved';
    }),
  );
}

/** Deep-equal JSON with key order ignored (API.md's "the same body"). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
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
  id: string,
  now: number,
): Promise<WriteResult<'deleted' | 'receipt' | 'missing'>> {
  return runWrite(db, () =>
    db.transaction('rw', db.stories, db.outbox, db.receipts, async () => {
      const row = await db.stories.get(id);
      if (!row) return withdrawReceipt(db, id);
      const entry = OutboxEntrySchema.safeParse(await db.outbox.get(id));
      // A refusal (needs attention) settled it as not stored; any other attempt may have arrived.
      const attempted =
        entry.success &&
        entry.data.state !== 'needs-attention' &&
        (entry.data.attempts > 0 || entry.data.firstAttemptAt !== undefined);
      await db.outbox.delete(id);
      await db.stories.delete(id);
      if (!attempted) return 'deleted';
      const draft = readDraft(row.payload);
      const receipt: Receipt = {
        id,
        kind: 'withdrawn',
        at: now,
        title: draft.title.trim(),
        services: draft.services.map((s) => s.name),
        postedOnBehalf: draft.author.noEmail,
        mayHaveArrived: true,
      };
      await db.receipts.put(receipt);
      return 'receipt';
    }),
  );
}

/** A sent story is already at Care Opinion: its receipt now says it was withdrawn; a withdrawn one is dismissed. */
async function withdrawReceipt(db: StoryDb, id: string): Promise<'deleted' | 'receipt' | 'missing'> {
  const parsed = ReceiptSchema.safeParse(await db.receipts.get(id));
  if (!parsed.success) return 'missing';
  if (parsed.data.kind === 'withdrawn') {
    await db.receipts.delete(id);
    return 'deleted';
  }
  await db.receipts.put({ ...parsed.data, kind: 'withdrawn', mayHaveArrived: true });
  return 'receipt';
}
