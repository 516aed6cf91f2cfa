// Received stories, in memory and, with a data folder, as JSON lines in `received.jsonl` (one line
// per story, written before the answer), reloaded on start so a restart loses nothing.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type CompletedKey, RETENTION_MS, type Receipt } from './idempotency.ts';
import { type Opinion, OpinionSchema } from './opinionSchema.ts';

export type StoredStory = {
  id: string;
  idempotencyKey: string;
  title: string;
  receivedAt: string;
  body: Opinion;
};

/** A line of received.jsonl: the story plus the fingerprint that makes its key replayable. */
const StoryLineSchema = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  title: z.string(),
  receivedAt: z.string(),
  body: OpinionSchema,
  fingerprint: z.string(),
});

type StoryLine = z.infer<typeof StoryLineSchema>;

export type StoryStore = {
  list(): StoredStory[];
  add(story: StoredStory, fingerprint: string): void;
  /** The idempotency records that the stored stories stand for (the last 30 days). */
  completedKeys(now: number): CompletedKey[];
  clear(): void;
};

export function receiptFor(id: string): Receipt {
  return { id, status: 'received', links: [{ rel: 'self', href: `/api/v2/opinions/${id}` }] };
}

function readLines(file: string): StoryLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return []; // no file yet: a first start
  }
  // A line cut short by a crash mid-write is skipped; every complete line is kept.
  return text.split('\n').flatMap((line) => {
    if (!line.trim()) return [];
    try {
      const parsed = StoryLineSchema.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

export function createStoryStore(dataDir?: string): StoryStore {
  const file = dataDir ? join(dataDir, 'received.jsonl') : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const lines: StoryLine[] = file ? readLines(file) : [];
  return {
    list: () => lines.map(({ fingerprint: _, ...story }) => story),
    add(story, fingerprint) {
      const line = { ...story, fingerprint };
      if (file) appendFileSync(file, `${JSON.stringify(line)}\n`);
      lines.push(line);
    },
    completedKeys: (now) =>
      lines
        .map((line) => ({
          key: line.idempotencyKey,
          fingerprint: line.fingerprint,
          receipt: receiptFor(line.id),
          storedAt: Date.parse(line.receivedAt),
        }))
        .filter((record) => record.storedAt >= now - RETENTION_MS),
    clear() {
      lines.length = 0;
      if (file) writeFileSync(file, '');
    },
  };
}
