// The receipt a story leaves when it settles (sent, or withdrawn after it may have arrived): its
// title and service names from the frozen body (else the draft), sealed; nothing else personal.

import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import type { OutboxEntry, Receipt } from '../../domain/send/sendEntry.ts';
import type { Next } from '../../domain/send/sendReducer.ts';
import { sentToDesk } from '../../domain/send/sendRules.ts';
import { readDraft } from '../../domain/story/story.ts';
import type { StoryDb } from '../db.ts';
import { type Cipher, openPayload, outboxAad, storyAad } from '../vault/cipher.ts';
import { toReceiptRow } from './receipts.ts';

type ReceiptRow = Awaited<ReturnType<typeof toReceiptRow>>;

/** The receipt a settled (or withdrawn mid-send) story leaves: from the frozen body, else the draft. */
export async function receiptFor(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  before: OutboxEntry | null,
  next: Next,
  now: number,
): Promise<ReceiptRow | null> {
  const withdrawing = next.kind === 'entry' && next.entry.withdrawnAt !== undefined && !before?.withdrawnAt;
  if (next.kind !== 'sent' && next.kind !== 'withdrawn' && !withdrawing) return null;
  const receipt: Receipt = {
    id,
    kind: next.kind === 'sent' ? 'sent' : 'withdrawn',
    at: now,
    ...(await summaryOf(db, cipher, id, before)),
    // Withdrawn while at the posting desk (issue 27): the desk is asked to drop it; only if the lead
    // posted it first does the settled receipt say it arrived.
    mayHaveArrived: next.kind === 'withdrawn' ? next.mayHaveArrived : !(withdrawing && sentToDesk(before)),
    byHand: next.kind === 'sent' && next.byHand === true,
  };
  if ((next.kind === 'sent' || next.kind === 'withdrawn') && next.careOpinionId !== undefined) {
    receipt.careOpinionId = next.careOpinionId;
  }
  return toReceiptRow(cipher, receipt);
}

type Described = Pick<Receipt, 'title' | 'services' | 'postedOnBehalf'> & { collectedAt?: string };

async function summaryOf(
  db: StoryDb,
  cipher: Cipher,
  id: string,
  entry: OutboxEntry | null,
): Promise<Described> {
  const body = entry ? await openPayload(cipher, entry.payload, outboxAad(id)) : undefined;
  if (typeof body === 'object' && body !== null) {
    const b = body as { title?: unknown; healthservices?: { name?: unknown }[]; postedOnBehalf?: unknown };
    const described: Described = {
      title: String(b.title ?? '').trim(),
      services: (b.healthservices ?? []).map((s) => String(s?.name ?? '').trim()),
      postedOnBehalf: b.postedOnBehalf === true,
    };
    const collectedAt = (body as { collectedAt?: unknown }).collectedAt;
    if (typeof collectedAt === 'string') described.collectedAt = collectedAt;
    return described;
  }
  const row = await db.stories.get(id);
  const draft = readDraft(row ? await openPayload(cipher, row.payload, storyAad(id)) : undefined);
  const described: Described = {
    title: draft.title.trim(),
    services: draft.services.map(serviceLabel),
    postedOnBehalf: draft.author.noEmail,
  };
  if (draft.collectedAt) described.collectedAt = draft.collectedAt;
  return described;
}
