// Home's rows for stories and receipts written before DB_V5_SUMMARIES: built by a task after unlock
// (sealing needs the key, which a Dexie upgrade never has), in batches of one transaction each, and
// never over a row written meanwhile. Once a run finds every story and receipt with its row it says
// so in `meta`, and later unlocks skip it: since DB_V5 each is written with its row in one
// transaction, so none can be missing again (reading every key of two tables at each unlock took
// seconds at 50,000 stories, while Home read its list).
import type { Receipt } from '../../domain/send/sendEntry.ts';
import { readDraft } from '../../domain/story/story.ts';
import type { StoryDb, SummaryRow } from '../db.ts';
import { getEntry } from '../send/outbox.ts';
import { getReceipt } from '../send/receipts.ts';
import { type Cipher, readPayload, storyAad, summaryAad } from '../vault/cipher.ts';
import { summaryOf } from './summaries.ts';

const BATCH = 200;
/** The `meta` key saying a run found nothing missing (benches seeding bare rows delete it). */
export const BACKFILL_DONE_KEY = 'summariesBackfilled';

async function forStory(db: StoryDb, cipher: Cipher, id: string): Promise<SummaryRow | 'locked' | null> {
  const row = await db.stories.get(id);
  if (!row) return null;
  const times = { createdAt: row.createdAt ?? row.updatedAt, updatedAt: row.updatedAt };
  const opened = await readPayload(cipher, row.payload, storyAad(id));
  if (!opened.ok && opened.reason === 'locked') return 'locked';
  const entry = await getEntry(db, id);
  const stage = entry === null ? 'draft' : entry.withdrawnAt !== undefined ? 'withdrawn' : 'collected';
  if (opened.ok) return { ...(await summaryOf(cipher, id, readDraft(opened.value), times)), stage };
  // Damaged: a row with nothing to open, so Home says it can't be opened.
  const month = new Date(times.createdAt).toISOString().slice(0, 7);
  return { id, ...times, stage, onBehalf: 0, month, content: undefined };
}

async function forReceipt(cipher: Cipher, receipt: Receipt): Promise<SummaryRow> {
  const collected = receipt.collectedAt === undefined ? Number.NaN : Date.parse(receipt.collectedAt);
  const createdAt = Number.isFinite(collected) ? collected : receipt.at;
  return {
    id: receipt.id,
    createdAt,
    updatedAt: receipt.at,
    stage: receipt.kind === 'sent' ? 'collected' : 'withdrawn',
    onBehalf: receipt.postedOnBehalf ? 1 : 0,
    month: new Date(createdAt).toISOString().slice(0, 7),
    content: await cipher.seal({ title: receipt.title, services: receipt.services }, summaryAad(receipt.id)),
  };
}

/** Builds the missing rows; returns how many it wrote. Stops (to go on next unlock) when locked. */
export async function backfillSummaries(db: StoryDb, cipher: Cipher, batch = BATCH): Promise<number> {
  if ((await db.meta.get(BACKFILL_DONE_KEY))?.value === true) return 0;
  const have = new Set((await db.summaries.toCollection().primaryKeys()).map(String));
  const missing = async (keys: Promise<unknown[]>) => (await keys).map(String).filter((id) => !have.has(id));
  const stories = await missing(db.stories.toCollection().primaryKeys());
  const receipts = await missing(db.receipts.toCollection().primaryKeys());
  let written = 0;
  const ids = [
    ...stories.map((id) => ({ id, kind: 'story' as const })),
    ...receipts.map((id) => ({ id, kind: 'receipt' as const })),
  ];
  for (let start = 0; start < ids.length; start += batch) {
    const rows: SummaryRow[] = [];
    for (const { id, kind } of ids.slice(start, start + batch)) {
      if (kind === 'story') {
        const row = await forStory(db, cipher, id);
        if (row === 'locked') return written;
        if (row) rows.push(row);
      } else {
        const receipt = await getReceipt(db, cipher, id);
        if (receipt) rows.push(await forReceipt(cipher, receipt));
      }
    }
    written += await db.transaction('rw', db.summaries, async () => {
      const present = await db.summaries.bulkGet(rows.map((r) => r.id));
      const fresh = rows.filter((_row, i) => present[i] === undefined);
      await db.summaries.bulkAdd(fresh);
      return fresh.length;
    });
  }
  await db.meta.put({ key: BACKFILL_DONE_KEY, value: true });
  return written;
}
