// Stories on the device: drafts as typed (sealed), their send state from the outbox entry (the one
// record of it, changed only through sendWriter.ts), and the receipts left behind. Payloads are
// sealed before a transaction and opened after it. Callers get domain types, never raw rows.
import type { OutboxEntry } from '../domain/sendEntry.ts';
import { type Draft, readDraft } from '../domain/story.ts';
import type { QueuedStory } from '../domain/submission.ts';
import { type Cipher, outboxAad, readPayload, storyAad } from './cipher.ts';
import type { StoryDb, StoryRow } from './db.ts';
import { getEntry, listEntries } from './outbox.ts';
import { getReceipt } from './receipts.ts';
import { applySendEvent, type SendWrite } from './sendWriter.ts';
import { runWrite, type WriteResult } from './write.ts';

export { getEntry as getOutboxEntry, listEntries as listOutbox } from './outbox.ts';
export { listReceipts } from './receipts.ts';

export type StoredStory = {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** Null when the sealed draft cannot be opened here: shown as such, never edited or overwritten. */
  draft: Draft | null;
  /** Waiting to send before an update that changed how the queue is kept: check and send again. */
  requeue: boolean;
};

export type SaveOutcome = 'saved' | 'not-editable' | 'missing' | 'unreadable';

async function toStory(cipher: Cipher, row: StoryRow): Promise<StoredStory | 'locked'> {
  const opened = await readPayload(cipher, row.payload, storyAad(row.id));
  if (!opened.ok && opened.reason === 'locked') return 'locked';
  return {
    id: row.id,
    createdAt: row.createdAt ?? row.updatedAt,
    updatedAt: row.updatedAt,
    draft: opened.ok ? readDraft(opened.value) : null,
    requeue: row.requeue === true,
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
    await db.stories.add({ id, createdAt: now, updatedAt: now, payload });
  });
}

/** The story, or null when it is not here; throws when the app is locked (nothing to show then). */
export async function getStory(db: StoryDb, cipher: Cipher, id: string): Promise<StoredStory | null> {
  const row = await db.stories.get(id);
  if (!row) return null;
  const story = await toStory(cipher, row);
  if (story === 'locked') throw new Error('locked');
  return story;
}

export async function listStories(db: StoryDb, cipher: Cipher): Promise<StoredStory[]> {
  const stories = await Promise.all((await db.stories.toArray()).map((row) => toStory(cipher, row)));
  return stories.filter((s): s is StoredStory => s !== 'locked');
}

/**
 * Saves a draft as typed: only a draft (no outbox entry), and never over a payload that cannot be
 * opened (the real story may be in it).
 */
export function saveDraft(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  draft: Draft,
  now: number,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, async () => {
    const row = await db.stories.get(id);
    if (!row) return 'missing';
    const current = await readPayload(cipher, row.payload, storyAad(id));
    if (!current.ok) return current.reason === 'damaged' ? 'unreadable' : 'not-editable';
    const payload = await cipher.seal(draft, storyAad(id));
    return writeSealedDraft(db, id, payload, now);
  });
}

/**
 * Writes a draft sealed beforehand (also a save kept sealed in memory while the app locked), if
 * the story may still be edited.
 */
export async function writeSealedDraft(
  db: StoryDb,
  id: string,
  payload: unknown,
  now: number,
): Promise<SaveOutcome> {
  return db.transaction('rw', db.stories, db.outbox, async (): Promise<SaveOutcome> => {
    const row = await db.stories.get(id);
    if (!row) return 'missing';
    // A story with an outbox entry is taken back first (the `edited` event, if canEdit allows).
    if (await getEntry(db, id)) return 'not-editable';
    const { requeue: _done, ...rest } = row;
    await db.stories.put({ ...rest, updatedAt: Math.max(now, row.updatedAt + 1), payload });
    return 'saved';
  });
}

/** Queues the checked copy of the draft read at `checkedAt`, sealed, with a new Idempotency-Key. */
export function queueStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  story: QueuedStory,
  key: string,
  now: number,
  checkedAt: number,
): Promise<WriteResult<SendWrite>> {
  return runWrite(db, async () => {
    const payload = await cipher.seal(story, outboxAad(id));
    const result = await applySendEvent(
      db,
      cipher,
      id,
      { type: 'queued', id, key, payload, consented: story.consent.publish === true, now },
      { ctx: { random: Math.random }, now, storyUpdatedAt: checkedAt },
    );
    if (!result.ok) throw new Error(result.reason);
    return result.value;
  });
}

/** Takes a story back to draft to be changed, when the reducer allows it (its key is dropped). */
export function unqueueStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  now: number,
): Promise<WriteResult<SendWrite>> {
  return applySendEvent(db, cipher, id, { type: 'edited' }, { ctx: { random: Math.random }, now });
}

const BUSY = 'This story changed while it was being withdrawn. Nothing was lost: try again.';

export type WithdrawOutcome = 'deleted' | 'receipt' | 'waiting-for-answer' | 'missing';

/**
 * Withdraw (PRODUCT.md, consent): before it could have arrived the story is simply deleted; after,
 * a receipt says so; while its request is in flight the answer is awaited, so the receipt keeps
 * Care Opinion's id.
 */
export async function withdrawStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  now: number,
): Promise<WriteResult<WithdrawOutcome>> {
  if (!(await db.stories.get(id)) && !(await getEntry(db, id)))
    return runWrite(db, () => withdrawReceipt(db, cipher, id));
  const result = await applySendEvent(
    db,
    cipher,
    id,
    { type: 'withdrawn', now },
    { ctx: { random: Math.random }, now },
  );
  if (!result.ok) return result;
  const written = result.value;
  if (written.kind === 'missing') return { ok: true, value: 'missing' };
  if (written.kind !== 'applied') return { ok: false, kind: 'other', reason: BUSY };
  const outcome: WithdrawOutcome =
    written.next.kind === 'deleted'
      ? 'deleted'
      : written.next.kind === 'entry'
        ? 'waiting-for-answer'
        : 'receipt';
  return { ok: true, value: outcome };
}

/** A sent story is already at Care Opinion: its receipt now says it was withdrawn; a withdrawn one is dismissed. */
async function withdrawReceipt(db: StoryDb, cipher: Cipher, id: string): Promise<WithdrawOutcome> {
  const receipt = await getReceipt(db, cipher, id);
  if (!receipt) return 'missing';
  if (receipt.kind === 'withdrawn') {
    await db.receipts.delete(id);
    return 'deleted';
  }
  await db.receipts.update(id, { kind: 'withdrawn', mayHaveArrived: true });
  return 'receipt';
}

/** Entries by story id, for lists. */
export async function entriesById(db: StoryDb): Promise<Map<string, OutboxEntry>> {
  return new Map((await listEntries(db)).map((e) => [e.id, e]));
}
