// Receipts: what stays on the device after a story was sent or withdrawn. Only the title and the
// service names are kept, sealed like any payload; no text, username, email or postcode.
import * as z from 'zod/mini';
import { type Receipt, ReceiptSchema } from '../../domain/send/sendEntry.ts';
import type { StoryDb } from '../db.ts';
import { type Cipher, openPayload, receiptAad } from '../vault/cipher.ts';

const ContentSchema = z.object({
  title: z._default(z.string(), ''),
  services: z._default(z.array(z.string()), []),
});

/** The stored row: plain fields are non-personal; the title and services are in `content`. */
export async function toReceiptRow(
  cipher: Cipher,
  receipt: Receipt,
): Promise<Record<string, unknown> & { id: string; at: number }> {
  const { title, services, ...plain } = receipt;
  return { ...plain, content: await cipher.seal({ title, services }, receiptAad(receipt.id)) };
}

async function fromRow(cipher: Cipher, row: Record<string, unknown>): Promise<Receipt | null> {
  const id = typeof row.id === 'string' ? row.id : '';
  // No plaintext path: a receipt whose content cannot be opened keeps its plain fields only.
  const raw = await openPayload(cipher, row.content, receiptAad(id));
  const content = ContentSchema.safeParse(raw ?? {});
  const parsed = ReceiptSchema.safeParse({ ...row, ...(content.success ? content.data : {}) });
  return parsed.success ? parsed.data : null;
}

export async function listReceipts(db: StoryDb, cipher: Cipher): Promise<Receipt[]> {
  const rows = await db.receipts.toArray();
  const receipts = await Promise.all(rows.map((row) => fromRow(cipher, row)));
  return receipts.filter((r): r is Receipt => r !== null);
}

export async function getReceipt(db: StoryDb, cipher: Cipher, id: string): Promise<Receipt | null> {
  const row = await db.receipts.get(id);
  return row ? fromRow(cipher, row) : null;
}

/** Stories Care Opinion confirmed (or a person posted by hand) since `from`: plain fields only, nothing opened. */
export function countSentSince(db: StoryDb, from: number): Promise<number> {
  return db.receipts
    .where('at')
    .aboveOrEqual(from)
    .filter((row) => row.kind === 'sent')
    .count();
}
