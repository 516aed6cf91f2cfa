// Reading the send queue's records: outbox entries (the one record of a story's send state), their
// sealed parts opened after the read, and the queue's two bookkeeping values (pause, last sent).
// Every change to an entry goes through sendWriter.ts.
import * as z from 'zod/mini';
import {
  type FieldProblem,
  FieldProblemSchema,
  type OutboxEntry,
  OutboxEntrySchema,
} from '../../domain/send/sendEntry.ts';
import { type SendProblem, SendProblemSchema } from '../../domain/send/sendProblem.ts';
import { type HeldCounts, heldCounts } from '../../domain/send/statusReport.ts';
import type { StoryDb } from '../db.ts';
import { LEGACY_NO_MESSAGE } from '../legacyWords.ts';
import {
  type Cipher,
  deskAad,
  destinationAad,
  type Opened,
  outboxAad,
  problemsAad,
  readPayload,
} from '../vault/cipher.ts';
import { runWrite, type WriteResult } from '../write.ts';

const PAUSE_KEY = 'queue-pause';
export const LAST_SENT_KEY = 'queue-last-sent';

export type Destination = { apiAddress: string; key: string };
const DestinationSchema = z.object({ apiAddress: z.string(), key: z.string() });

export function parseEntry(row: unknown): OutboxEntry | null {
  const parsed = OutboxEntrySchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export async function getEntry(db: StoryDb, id: string): Promise<OutboxEntry | null> {
  return parseEntry(await db.outbox.get(id));
}

/** Every entry, sealed parts still sealed: enough for lists (state, attempts, problems in words). */
export async function listEntries(db: StoryDb): Promise<OutboxEntry[]> {
  return (await db.outbox.toArray()).flatMap((row) => parseEntry(row) ?? []);
}

/** Entries the runner works on, oldest first: waiting, and sending (left by a page that died). */
export async function listActive(db: StoryDb): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('state').anyOf('queued', 'sending').toArray();
  return rows.flatMap((row) => parseEntry(row) ?? []).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The frozen body to send, opened from its sealed form (locked and damaged told apart). */
export function openBody(cipher: Cipher, entry: OutboxEntry): Promise<Opened> {
  return readPayload(cipher, entry.payload, outboxAad(entry.id));
}

/** Where the first request went; null before any attempt, or when it cannot be opened. */
export async function openDestination(cipher: Cipher, entry: OutboxEntry): Promise<Destination | null> {
  if (entry.destination === undefined) return null;
  const opened = await readPayload(cipher, entry.destination, destinationAad(entry.id));
  const parsed = DestinationSchema.safeParse(opened.ok ? opened.value : undefined);
  return parsed.success ? parsed.data : null;
}

/** Stories the posting desk holds (issue 27), oldest first: the runner asks after them. */
export async function listAtDesk(db: StoryDb): Promise<OutboxEntry[]> {
  const rows = await db.outbox.where('state').equals('at-desk').toArray();
  return rows.flatMap((row) => parseEntry(row) ?? []).sort((a, b) => a.queuedAt - b.queuedAt);
}

/** The desk's request body `{ kid, sealed }` frozen at the first try; null before it, or when it cannot be opened. */
export async function openDeskBody(
  cipher: Cipher,
  entry: OutboxEntry,
): Promise<
  { ok: true; value: { kid: string; sealed: string } } | { ok: false; reason: 'locked' | 'damaged' }
> {
  const opened = await readPayload(cipher, entry.desk, deskAad(entry.id));
  if (!opened.ok) return opened;
  const parsed = DeskBodySchema.safeParse(opened.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: 'damaged' };
}
const DeskBodySchema = z.object({ kid: z.string(), sealed: z.string() });

export async function openFieldProblems(cipher: Cipher, entry: OutboxEntry): Promise<FieldProblem[]> {
  if (entry.fieldProblems === undefined) return [];
  const opened = await readPayload(cipher, entry.fieldProblems, problemsAad(entry.id));
  const parsed = z.array(FieldProblemSchema).safeParse(opened.ok ? opened.value : undefined);
  if (!parsed.success) return [];
  // Sealed, so no migration could reach it: an older version's own words for "no message" go here.
  return parsed.data.map((p) => (p.message === LEGACY_NO_MESSAGE ? { ...p, message: '' } : p));
}

export async function getLastSentAt(db: StoryDb): Promise<number | null> {
  const value = (await db.meta.get(LAST_SENT_KEY))?.value;
  return typeof value === 'number' ? value : null;
}

/** "Key not accepted" pauses the whole queue until Settings are saved (kept across reloads). */
export async function getPause(db: StoryDb): Promise<SendProblem | null> {
  const value = (await db.meta.get(PAUSE_KEY))?.value;
  return typeof value === 'string' ? SendProblemSchema.parse(value) : null;
}

export function setPause(db: StoryDb, reason: SendProblem | null): Promise<WriteResult<void>> {
  return runWrite(db, async () => {
    if (reason === null) await db.meta.delete(PAUSE_KEY);
    else await db.meta.put({ key: PAUSE_KEY, value: reason });
  });
}

/**
 * For the Lock screen, from the state index and counts only (no key, nothing opened): stories that
 * will send once unlocked (queued, or caught mid-send by a reload), and the other stories kept.
 */
export async function countWaiting(db: StoryDb): Promise<{ toSend: number; kept: number }> {
  const [toSend, stories] = await Promise.all([
    db.outbox.where('state').anyOf('queued', 'sending').count(),
    db.stories.count(),
  ]);
  return { toSend, kept: Math.max(0, stories - toSend) };
}

/**
 * What this iPad holds, as the relay's status report counts it (domain's heldCounts): from the
 * entries' plain fields and the stories' ids only — nothing opened, no key needed.
 */
export async function countHeld(db: StoryDb): Promise<HeldCounts> {
  const [entries, storyIds] = await Promise.all([listEntries(db), db.stories.toCollection().primaryKeys()]);
  return heldCounts(entries, storyIds);
}
