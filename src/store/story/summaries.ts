// Home's rows (DB_V5_SUMMARIES): one small sealed row per story, written in the same transaction as
// the story, so Home opens the newest page of rows and never every story; and the counts Home shows
// (started today, the posted-on-behalf share) from the plain, non-personal fields and their indexes.
import * as z from 'zod/mini';
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import type { QueueContext } from '../../domain/story/sendReadiness.ts';
import type { Draft } from '../../domain/story/story.ts';
import type { StoryDb, SummaryRow } from '../db.ts';
import { type Cipher, readPayload, summaryAad } from '../vault/cipher.ts';

/** A draft's row also says how far it got and what is still missing (field names, never values). */
export type SummaryContent = { title: string; services: string[]; step?: number; missing?: string[] };
export type OpenedSummary = Omit<SummaryRow, 'content'> & { content: SummaryContent | null };
export type Tally = {
  total: number;
  today: number;
  /** Started today and collected (consented and queued, sent or needing attention). */
  collectedToday: number;
  month: ShareTally;
  allTime: ShareTally;
};
export type ShareTally = { onBehalf: number; all: number };

const ContentSchema = z.object({
  title: z.string(),
  services: z.array(z.string()),
  step: z.optional(z.number()),
  missing: z.optional(z.array(z.string())),
});

const monthOf = (iso: string | undefined, fallback: number) => {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return new Date(Number.isFinite(ms) ? ms : fallback).toISOString().slice(0, 7);
};

/**
 * The row for a draft as typed, its content sealed (call before the transaction). With `readiness`
 * (the device's region) it records what is still missing, by the domain's one readiness rule.
 */
export async function summaryOf(
  cipher: Cipher,
  id: string,
  draft: Draft,
  times: { createdAt: number; updatedAt: number },
  readiness?: QueueContext,
): Promise<SummaryRow> {
  // The readiness rule (username filter, postcode formats) loads only once a draft is saved.
  const missing =
    readiness && (await import('../../domain/story/sendReadiness.ts')).missingFields(draft, readiness);
  const content: SummaryContent = {
    title: draft.title.trim(),
    services: draft.services.map(serviceLabel),
    step: draft.step,
    ...(missing ? { missing } : {}),
  };
  return {
    id,
    ...times,
    stage: 'draft',
    onBehalf: draft.author.noEmail ? 1 : 0,
    month: monthOf(draft.collectedAt, times.createdAt),
    content: await cipher.seal(content, summaryAad(id)),
  };
}

/** Inside a transaction: writes a draft's row, keeping the stage it has (a draft may be re-saved). */
export async function putSummary(db: StoryDb, row: SummaryRow): Promise<void> {
  const stage = (await db.summaries.get(row.id))?.stage ?? row.stage;
  await db.summaries.put({ ...row, stage });
}

/** Inside a transaction: a story moved on (queued, taken back, withdrawn…). */
export async function setStage(
  db: StoryDb,
  id: string,
  stage: SummaryRow['stage'],
  now: number,
): Promise<void> {
  await db.summaries.update(id, { stage, updatedAt: now });
}

async function open(cipher: Cipher, row: SummaryRow): Promise<OpenedSummary> {
  const opened = await readPayload(cipher, row.content, summaryAad(row.id));
  const content = ContentSchema.safeParse(opened.ok ? opened.value : undefined);
  return { ...row, content: content.success ? content.data : null };
}

/** The newest rows first, one page (only these are opened). */
export async function listSummaries(
  db: StoryDb,
  cipher: Cipher,
  offset: number,
  limit?: number,
): Promise<OpenedSummary[]> {
  const newest = db.summaries.orderBy('createdAt').reverse().offset(offset);
  const rows = await (limit === undefined ? newest : newest.limit(limit)).toArray();
  return Promise.all(rows.map((row) => open(cipher, row)));
}

export async function getSummary(db: StoryDb, cipher: Cipher, id: string): Promise<OpenedSummary | null> {
  const row = await db.summaries.get(id);
  return row ? open(cipher, row) : null;
}

/** Started today, collected today and this month's share: index ranges bounded by time, quick at any size. */
export type RecentTally = Pick<Tally, 'today' | 'collectedToday' | 'month'>;
/** Every row and the all-time share: IndexedDB counts by walking the rows (seconds at 50,000 in Chromium). */
export type WholeTally = Pick<Tally, 'total' | 'allTime'>;

const shareCount = (db: StoryDb, onBehalf: 0 | 1, from: string, to: string) =>
  db.summaries
    .where('[stage+onBehalf+month]')
    .between(['collected', onBehalf, from], ['collected', onBehalf, to], true, true)
    .count();

/** Counts from indexes only, over today's and this month's rows: nothing is opened, no row is read whole. */
export async function countRecent(db: StoryDb, now: number): Promise<RecentTally> {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  const month = new Date(now).toISOString().slice(0, 7);
  const startedToday = db.summaries.where('createdAt').between(start.getTime(), end.getTime(), true, false);
  const [today, collectedToday, monthOn, monthOff] = await Promise.all([
    startedToday.count(),
    startedToday
      .clone()
      .filter((row) => row.stage === 'collected')
      .count(),
    shareCount(db, 1, month, month),
    shareCount(db, 0, month, month),
  ]);
  return { today, collectedToday, month: { onBehalf: monthOn, all: monthOn + monthOff } };
}

/**
 * The whole table's counts (from indexes, nothing opened). Slow on a full device and it holds a
 * read of the table while it runs, so Home asks for it apart from its list and never per keystroke.
 */
export async function countWhole(db: StoryDb): Promise<WholeTally> {
  const [total, allOn, allOff] = await Promise.all([
    db.summaries.count(),
    shareCount(db, 1, '', '\uffff'),
    shareCount(db, 0, '', '\uffff'),
  ]);
  return { total, allTime: { onBehalf: allOn, all: allOn + allOff } };
}

/** Both at once (the tests' view of every count). */
export async function countSummaries(db: StoryDb, now: number): Promise<Tally> {
  const [recent, whole] = await Promise.all([countRecent(db, now), countWhole(db)]);
  return { ...whole, ...recent };
}
