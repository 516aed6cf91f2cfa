// Stories on the device: drafts as typed (sealed), their send state from the outbox entry (the one
// record of it, changed only through sendWriter.ts), and the receipts left behind. Payloads are
// sealed before a transaction and opened after it. Callers get domain types, never raw rows.

import type { QueueContext } from '../../domain/story/sendReadiness.ts';
import { type Draft, readDraft } from '../../domain/story/story.ts';
import type { StoryDb, StoryRow, SummaryRow } from '../db.ts';
import { getEntry } from '../send/outbox.ts';
import { type Cipher, readPayload, storyAad } from '../vault/cipher.ts';
import { runWrite, type WriteResult } from '../write.ts';
import { putSummary, summaryOf } from './summaries.ts';

export { getEntry as getOutboxEntry, listEntries as listOutbox } from '../send/outbox.ts';
export { listReceipts } from '../send/receipts.ts';

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
  readiness?: QueueContext,
): Promise<WriteResult<void>> {
  return runWrite(db, async () => {
    const payload = await cipher.seal(draft, storyAad(id));
    const summary = await summaryOf(cipher, id, draft, { createdAt: now, updatedAt: now }, readiness);
    await db.transaction('rw', db.stories, db.summaries, async () => {
      await db.stories.add({ id, createdAt: now, updatedAt: now, payload });
      await db.summaries.add(summary);
    });
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
  readiness?: QueueContext,
): Promise<WriteResult<SaveOutcome>> {
  return runWrite(db, async () => {
    const row = await db.stories.get(id);
    if (!row) return 'missing';
    const current = await readPayload(cipher, row.payload, storyAad(id));
    if (!current.ok) return current.reason === 'damaged' ? 'unreadable' : 'not-editable';
    const payload = await cipher.seal(draft, storyAad(id));
    const createdAt = row.createdAt ?? row.updatedAt;
    return writeSealedDraft(
      db,
      id,
      { payload, summary: await summaryOf(cipher, id, draft, { createdAt, updatedAt: now }, readiness) },
      now,
    );
  });
}

export type SealedDraft = { payload: unknown; summary: SummaryRow };

/** Seals a draft and its Home row now (e.g. before the key goes), to be written later. */
export async function sealDraft(
  cipher: Cipher,
  id: string,
  draft: Draft,
  createdAt: number,
  now: number,
): Promise<SealedDraft> {
  const payload = await cipher.seal(draft, storyAad(id));
  return { payload, summary: await summaryOf(cipher, id, draft, { createdAt, updatedAt: now }) };
}

/**
 * Writes a draft sealed beforehand (also a save kept sealed in memory while the app locked), if
 * the story may still be edited. `create`: a new story whose first save never committed is stored
 * now (only such a story: a missing row is otherwise one that was sent or withdrawn, never remade).
 */
export async function writeSealedDraft(
  db: StoryDb,
  id: string,
  sealed: SealedDraft,
  now: number,
  create = false,
): Promise<SaveOutcome> {
  const { payload, summary } = sealed;
  return db.transaction('rw', db.stories, db.outbox, db.summaries, async (): Promise<SaveOutcome> => {
    const row = await db.stories.get(id);
    if (!row && create) {
      await db.stories.add({ id, createdAt: now, updatedAt: now, payload });
      await db.summaries.add({ ...summary, createdAt: now, updatedAt: now });
      return 'saved';
    }
    if (!row) return 'missing';
    // A story with an outbox entry is taken back first (the `edited` event, if canEdit allows).
    if (await getEntry(db, id)) return 'not-editable';
    const { requeue: _done, ...rest } = row;
    const updatedAt = Math.max(now, row.updatedAt + 1);
    await db.stories.put({ ...rest, updatedAt, payload });
    await putSummary(db, { ...summary, createdAt: row.createdAt ?? row.updatedAt, updatedAt });
    return 'saved';
  });
}
