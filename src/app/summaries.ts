// Home's rows: one summary per story (its send state from the outbox entry, through the domain's
// one rule for "may have arrived" and "may be edited") and per receipt. No email, postcode or
// username ever reaches a summary.

import type { OutboxEntry, Receipt } from '../domain/sendEntry.ts';
import { canEdit, mayHaveArrived } from '../domain/sendRules.ts';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import { openFieldProblems } from '../store/outbox.ts';
import { getReceipt } from '../store/receipts.ts';
import * as store from '../store/stories.ts';
import type { StorySummary } from '../ui/actions.ts';

export const UNREADABLE = "This story can't be opened on this device.";
const REQUEUE = 'This story was waiting to send before an update. Check it and send it again.';

export async function summarise(
  cipher: Cipher,
  story: store.StoredStory,
  entry: OutboxEntry | null,
): Promise<StorySummary> {
  const draft = story.draft;
  return {
    id: story.id,
    title: draft?.title.trim() ?? '',
    state: entry?.state ?? 'draft',
    createdAt: story.createdAt,
    updatedAt: story.updatedAt,
    services: draft?.services.map((s) => s.name) ?? [],
    postedOnBehalf: draft?.author.noEmail ?? false,
    collectedAt: draft?.collectedAt,
    mayHaveArrived: mayHaveArrived(entry),
    editable: draft !== null && canEdit(entry),
    unreadable: draft === null,
    problem: draft === null ? UNREADABLE : (entry?.lastProblem ?? (story.requeue ? REQUEUE : undefined)),
    fieldProblems: entry?.state === 'needs-attention' ? await openFieldProblems(cipher, entry) : undefined,
    nextAttemptAt: entry?.state === 'queued' ? entry.nextAttemptAt : undefined,
  };
}

function collectedAtMs(receipt: Receipt): number | undefined {
  const t = receipt.collectedAt === undefined ? Number.NaN : Date.parse(receipt.collectedAt);
  return Number.isFinite(t) ? t : undefined;
}

export function summariseReceipt(receipt: Receipt): StorySummary {
  return {
    id: receipt.id,
    title: receipt.title,
    state: 'sent',
    // Where it sits on Home and in "today": when it was collected, not when it left.
    createdAt: collectedAtMs(receipt) ?? receipt.at,
    updatedAt: receipt.at,
    services: receipt.services,
    postedOnBehalf: receipt.postedOnBehalf,
    collectedAt: receipt.collectedAt,
    editable: false,
    sentId: receipt.careOpinionId,
    withdrawn: receipt.kind === 'withdrawn',
    byHand: receipt.byHand,
    mayHaveArrived: receipt.kind === 'sent' || receipt.mayHaveArrived,
  };
}

export const newestFirst = (a: StorySummary, b: StorySummary) => b.createdAt - a.createdAt;

export async function readSummaries(db: StoryDb, cipher: Cipher): Promise<StorySummary[]> {
  const [stories, entries, receipts] = await Promise.all([
    store.listStories(db, cipher),
    store.entriesById(db),
    store.listReceipts(db, cipher),
  ]);
  const live = await Promise.all(stories.map((s) => summarise(cipher, s, entries.get(s.id) ?? null)));
  return [...live, ...receipts.map(summariseReceipt)].sort(newestFirst);
}

/** One story's row as it is now (a story, a receipt, or gone). */
export async function readOne(db: StoryDb, cipher: Cipher, id: string): Promise<StorySummary | null> {
  const story = await store.getStory(db, cipher, id).catch(() => null);
  if (story) return summarise(cipher, story, await store.getOutboxEntry(db, id));
  const receipt = await getReceipt(db, cipher, id);
  return receipt ? summariseReceipt(receipt) : null;
}
