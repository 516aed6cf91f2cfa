// Stories saved before encryption existed: sealed by a task after the first unlock, because a Dexie
// upgrade() runs before any key exists (ARCHITECTURE.md, "Privacy on a shared device").
import { type Cipher, isSealed, outboxAad, storyAad } from './cipher.ts';
import type { StoryDb } from './db.ts';
import { getReceipt, toReceiptRow } from './receipts.ts';
import { getOutboxEntry, listOutbox } from './stories.ts';

/**
 * After the first unlock: seals stories and outbox payloads written before encryption existed
 * (a Dexie upgrade() runs before any key exists, so this is a task, not a migration).
 */
export async function encryptLegacyRows(db: StoryDb, cipher: Cipher): Promise<number> {
  let sealed = 0;
  for (const row of await db.stories.toArray()) {
    if (row.payload === undefined || isSealed(row.payload)) continue;
    const payload = await cipher.seal(row.payload, storyAad(row.id));
    await db.transaction('rw', db.stories, async () => {
      const now = await db.stories.get(row.id);
      if (now && now.updatedAt === row.updatedAt && !isSealed(now.payload))
        await db.stories.put({ ...now, payload });
    });
    sealed++;
  }
  for (const receipt of await db.receipts.toArray()) {
    if (receipt.content !== undefined) continue;
    const parsed = await getReceipt(db, cipher, receipt.id);
    if (!parsed) continue;
    const row = await toReceiptRow(cipher, parsed);
    await db.transaction('rw', db.receipts, async () => {
      const now = await db.receipts.get(receipt.id);
      if (now && now.content === undefined) await db.receipts.put(row);
    });
    sealed++;
  }
  for (const entry of await listOutbox(db)) {
    if (isSealed(entry.payload)) continue;
    const payload = await cipher.seal(entry.payload, outboxAad(entry.id));
    await db.transaction('rw', db.outbox, async () => {
      const now = await getOutboxEntry(db, entry.id);
      if (now && !isSealed(now.payload)) await db.outbox.put({ ...now, payload });
    });
    sealed++;
  }
  return sealed;
}
