// Moving a story in and out of the send queue (queue, take back, withdraw, and for hand-off: open a
// story ready to post, record it posted by hand) through the one send writer. Apart from stories.ts
// so that Home's first load does not carry the writer: these load when a story is sent, edited
// back, withdrawn or posted by hand.

import type { StoryReason } from '../../domain/send/sendProblem.ts';
import { type QueuedStory, QueuedStorySchema } from '../../domain/story/submission.ts';
import type { StoryDb } from '../db.ts';
import { type Cipher, outboxAad } from '../vault/cipher.ts';
import { runWrite, type WriteResult } from '../write.ts';
import { getEntry, openBody } from './outbox.ts';
import { getReceipt } from './receipts.ts';
import { applySendEvent, type SendWrite } from './sendWriter.ts';

/**
 * Queues the checked copy of the draft read at `checkedAt`, sealed, with a new Idempotency-Key;
 * `byHand`: ready to post on Care Opinion's website instead.
 */
export function queueStory(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  story: QueuedStory,
  key: string,
  now: number,
  checkedAt: number,
  byHand = false,
): Promise<WriteResult<SendWrite>> {
  return runWrite(db, async () => {
    const payload = await cipher.seal(story, outboxAad(id));
    const result = await applySendEvent(
      db,
      cipher,
      id,
      { type: 'queued', id, key, payload, consented: story.consent.publish === true, now, byHand },
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

/** The frozen body of a story ready to post by hand, opened (null: not ready to post, or unreadable). */
export async function openReadyToPost(db: StoryDb, cipher: Cipher, id: string): Promise<QueuedStory | null> {
  const entry = await getEntry(db, id);
  if (entry?.state !== 'ready-to-post') return null;
  const opened = await openBody(cipher, entry);
  const parsed = QueuedStorySchema.safeParse(opened.ok ? opened.value : undefined);
  return parsed.success ? parsed.data : null;
}

/** A person posted it on Care Opinion's website: a receipt "posted by hand", and its personal data goes. */
export function postedByHand(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  storyNumber: string,
  now: number,
): Promise<WriteResult<SendWrite>> {
  return applySendEvent(
    db,
    cipher,
    id,
    { type: 'posted-by-hand', storyNumber, now },
    { ctx: { random: Math.random }, now },
  );
}

const BUSY = 'changedWhileWithdrawing' satisfies StoryReason;

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
  return db.transaction('rw', db.receipts, db.summaries, async () => {
    if (receipt.kind === 'withdrawn') {
      await db.receipts.delete(id);
      await db.summaries.delete(id);
      return 'deleted' as const;
    }
    await db.receipts.update(id, { kind: 'withdrawn', mayHaveArrived: true });
    await db.summaries.update(id, { stage: 'withdrawn' });
    return 'receipt' as const;
  });
}
