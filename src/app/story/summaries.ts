// Home's rows, from the summaries table (DB_V5): a page of the newest rows, each opened alone, its
// send state from the outbox entry through the domain's one rule for "may have arrived" and "may be
// edited", a sent or withdrawn story's from its receipt. No email, postcode or username ever
// reaches a summary, and no story is opened to show the list.

import { type OutboxEntry, type Receipt, ReceiptSchema } from '../../domain/send/sendEntry.ts';
import type { StoryProblem } from '../../domain/send/sendProblem.ts';
import { canEdit, mayHaveArrived, wasExported } from '../../domain/send/sendRules.ts';
import type { MissingField } from '../../domain/story/sendReadiness.ts';
import type { StoryDb } from '../../store/db.ts';
import { openFieldProblems, parseEntry } from '../../store/send/outbox.ts';
import { getSummary, listSummaries, type OpenedSummary } from '../../store/story/summaries.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { StorySummary } from '../../ui/actions.ts';

export const UNREADABLE = 'unreadable' satisfies StoryProblem;
const REQUEUE = 'requeue' satisfies StoryProblem;

type Plain = { entry: OutboxEntry | null; receipt: Receipt | null; requeue: boolean };

async function summarise(cipher: Cipher, row: OpenedSummary, plain: Plain): Promise<StorySummary> {
  const { entry, receipt } = plain;
  const unreadable = row.content === null;
  const base = {
    id: row.id,
    title: row.content?.title ?? '',
    createdAt: row.createdAt,
    updatedAt: receipt?.at ?? row.updatedAt,
    services: row.content?.services ?? [],
    step: row.content?.step,
    missing: row.content?.missing as MissingField[] | undefined,
    postedOnBehalf: row.onBehalf === 1,
  };
  if (receipt) {
    return {
      ...base,
      state: 'sent',
      collectedAt: receipt.collectedAt,
      editable: false,
      sentId: receipt.careOpinionId,
      withdrawn: receipt.kind === 'withdrawn',
      byHand: receipt.byHand,
      mayHaveArrived: receipt.kind === 'sent' || receipt.mayHaveArrived,
    };
  }
  return {
    ...base,
    state: entry?.state ?? 'draft',
    mayHaveArrived: mayHaveArrived(entry),
    editable: !unreadable && canEdit(entry),
    unreadable,
    problem: unreadable ? UNREADABLE : (entry?.lastProblem ?? (plain.requeue ? REQUEUE : undefined)),
    fieldProblems: entry?.state === 'needs-attention' ? await openFieldProblems(cipher, entry) : undefined,
    nextAttemptAt: entry?.state === 'queued' ? entry.nextAttemptAt : undefined,
    exported: wasExported(entry),
  };
}

async function withPlain(db: StoryDb, cipher: Cipher, rows: OpenedSummary[]): Promise<StorySummary[]> {
  const ids = rows.map((row) => row.id);
  const [entries, receipts, stories] = await Promise.all([
    db.outbox.bulkGet(ids),
    db.receipts.bulkGet(ids),
    db.stories.bulkGet(ids),
  ]);
  return Promise.all(
    rows.map((row, i) => {
      const parsed = ReceiptSchema.safeParse(receipts[i]);
      const plain: Plain = {
        entry: parseEntry(entries[i]),
        receipt: parsed.success ? parsed.data : null,
        requeue: stories[i]?.requeue === true,
      };
      return summarise(cipher, row, plain);
    }),
  );
}

export const newestFirst = (a: StorySummary, b: StorySummary) => b.createdAt - a.createdAt;

/** The newest `limit` rows after `offset`: only these are read and opened. */
export async function readSummaries(
  db: StoryDb,
  cipher: Cipher,
  offset = 0,
  limit?: number,
): Promise<StorySummary[]> {
  return withPlain(db, cipher, await listSummaries(db, cipher, offset, limit));
}

/** One story's row as it is now, or null when it is gone. */
export async function readOne(db: StoryDb, cipher: Cipher, id: string): Promise<StorySummary | null> {
  const row = await getSummary(db, cipher, id);
  return row ? ((await withPlain(db, cipher, [row]))[0] ?? null) : null;
}
