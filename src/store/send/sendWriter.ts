// The one writer of send state: read the entry → decide (the domain's reducer) → write, in one
// transaction checked against the version that was read. Crypto happens before (sealing a receipt)
// and never inside a transaction. A settled story's personal data goes in the same transaction.

import type { OutboxEntry } from '../../domain/send/sendEntry.ts';
import {
  applyQueueEvent,
  type Next,
  type QueueContext,
  type QueueEvent,
} from '../../domain/send/sendReducer.ts';
import type { DeliveryMode } from '../../domain/settings/settings.ts';
import type { StoryDb } from '../db.ts';
import { setStage } from '../story/summaries.ts';
import type { Cipher } from '../vault/cipher.ts';
import { runWrite, type WriteResult } from '../write.ts';
import { getEntry, LAST_SENT_KEY, listActive, listEntries, parseEntry } from './outbox.ts';
import type { toReceiptRow } from './receipts.ts';
import { receiptFor } from './sendReceipt.ts';

export type SendWrite =
  | { kind: 'applied'; next: Next }
  | { kind: 'refused'; reason: string }
  /** The entry is not the one the caller read (another tab, an edit): nothing was written. */
  | { kind: 'stale' }
  /** The story is no longer on the device. */
  | { kind: 'missing' };

export type SendWriteOptions = {
  ctx: QueueContext;
  now: number;
  /** The entry the caller acted on (its version and key): anything else is stale. */
  expect?: { version?: number; key: string };
  /** For `queued`: the draft as checked (its updatedAt); a newer save makes the check stale. */
  storyUpdatedAt?: number;
};

type ReceiptRow = Awaited<ReturnType<typeof toReceiptRow>>;
const ATTEMPTS = 3;

export function applySendEvent(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  event: QueueEvent,
  options: SendWriteOptions,
): Promise<WriteResult<SendWrite>> {
  return runWrite(db, async (): Promise<SendWrite> => {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const before = await getEntry(db, id);
      if (options.expect && !isExpected(before, options.expect)) return { kind: 'stale' };
      const decided = applyQueueEvent(before, event, options.ctx);
      if (!decided.ok) return { kind: 'refused', reason: decided.reason };
      const receipt = await receiptFor(db, cipher, id, before, decided.next, options.now);
      const tables = [db.outbox, db.stories, db.receipts, db.meta, db.summaries];
      const written = await db.transaction('rw', tables, async () => {
        const current = parseEntry(await db.outbox.get(id));
        if (current?.version !== before?.version || current?.idempotencyKey !== before?.idempotencyKey) {
          return 'changed' as const;
        }
        const story = await db.stories.get(id);
        if (needsStory(event) && !story) return 'missing' as const;
        if (options.storyUpdatedAt !== undefined && story?.updatedAt !== options.storyUpdatedAt) {
          return 'stale' as const;
        }
        await write(db, id, before, decided.next, receipt, options.now);
        return 'written' as const;
      });
      if (written === 'written') return { kind: 'applied', next: decided.next };
      if (written !== 'changed') return { kind: written };
    }
    return { kind: 'stale' };
  });
}

/** Every trigger but the timer: all waiting stories due now, in one transaction, by the reducer. */
export function makeAllDue(db: StoryDb, now: number, resetBackoff: boolean): Promise<WriteResult<void>> {
  return runWrite(db, () =>
    db.transaction('rw', db.outbox, async () => {
      for (const entry of await listActive(db)) {
        const decided = applyQueueEvent(entry, { type: 'made-due', now, resetBackoff }, { random: () => 0 });
        if (decided.ok && decided.next.kind === 'entry' && decided.next.entry !== entry) {
          await db.outbox.put(decided.next.entry);
        }
      }
    }),
  );
}

/** "How stories reach Care Opinion" changed: every entry moves (or stays) as the reducer says, in one transaction. */
export function changeDelivery(db: StoryDb, mode: DeliveryMode, now: number): Promise<WriteResult<number>> {
  return runWrite(db, () =>
    db.transaction('rw', db.outbox, async () => {
      let moved = 0;
      for (const entry of await listEntries(db)) {
        const decided = applyQueueEvent(entry, { type: 'delivery-changed', mode, now }, { random: () => 0 });
        if (decided.ok && decided.next.kind === 'entry' && decided.next.entry !== entry) {
          await db.outbox.put(decided.next.entry);
          moved += 1;
        }
      }
      return moved;
    }),
  );
}

const isExpected = (entry: OutboxEntry | null, expect: { version?: number; key: string }) =>
  entry !== null &&
  (expect.version === undefined || entry.version === expect.version) &&
  entry.idempotencyKey === expect.key;

const needsStory = (event: QueueEvent) => event.type === 'queued' || event.type === 'edited';

async function write(
  db: StoryDb,
  id: string,
  before: OutboxEntry | null,
  next: Next,
  receipt: ReceiptRow | null,
  now: number,
): Promise<void> {
  if (receipt) await db.receipts.put(receipt);
  switch (next.kind) {
    case 'entry': {
      await db.outbox.put(next.entry);
      // Withdrawn mid-send: the story goes now; the entry waits for the answer (for the id).
      const withdrawing = next.entry.withdrawnAt !== undefined && before?.withdrawnAt === undefined;
      if (withdrawing) await db.stories.delete(id);
      if (withdrawing || before === null)
        await setStage(db, id, withdrawing ? 'withdrawn' : 'collected', now);
      return;
    }
    case 'draft':
      await db.outbox.delete(id);
      await setStage(db, id, 'draft', now);
      return;
    case 'sent':
      await db.meta.put({ key: LAST_SENT_KEY, value: now });
      await setStage(db, id, 'collected', now);
      break;
    case 'withdrawn':
      await setStage(db, id, 'withdrawn', now);
      break;
    case 'deleted':
      await db.summaries.delete(id);
      break;
  }
  await db.outbox.delete(id);
  await db.stories.delete(id);
}
