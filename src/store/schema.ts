// The database's schema versions, oldest first. Each is a named constant for what changed, and
// each upgrade has a migration test (tests/unit/store/migrations.test.ts). Never edit an old
// version that a device may hold: add a new one.
import type { Transaction } from 'dexie';
import { legacySendProblem } from './legacyWords.ts';

export type SchemaVersion = {
  version: number;
  name: string;
  /** Dexie stores for this version (only the tables that change; null deletes a table). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

/** Stories (personal fields never indexed) and small bookkeeping values. */
export const DB_V1_STORIES: SchemaVersion = {
  version: 1,
  name: 'DB_V1_STORIES',
  stores: { stories: 'id, state, updatedAt', meta: 'key' },
};

/**
 * The service directory. Rows carry a generation: a full refresh fills the next generation while
 * the picker keeps using the active one, and one transaction switches them (never half replaced).
 */
export const DB_V2_DIRECTORY: SchemaVersion = {
  version: 2,
  name: 'DB_V2_DIRECTORY',
  stores: { services: '[gen+nacs], gen' },
};

/**
 * The send queue's outbox (frozen payload + Idempotency-Key per queued story) and receipts (what is
 * kept after a story is sent or withdrawn). Indexes hold only ids, states and times.
 */
export const DB_V3_OUTBOX_RECEIPTS: SchemaVersion = {
  version: 3,
  name: 'DB_V3_OUTBOX_RECEIPTS',
  stores: { outbox: 'id, state, nextAttemptAt', receipts: 'id, at' },
};

/**
 * The outbox entry becomes the only record of a story's send state: `stories.state` goes (and its
 * index). A story that was waiting to send but has no entry (from before the outbox) is flagged
 * `requeue`: shown as a draft that says "check it and send it again", never a zombie. Entries get
 * the version their writer checks.
 */
export const DB_V4_SEND_STATE_IN_OUTBOX: SchemaVersion = {
  version: 4,
  name: 'DB_V4_SEND_STATE_IN_OUTBOX',
  stores: { stories: 'id, updatedAt' },
  async upgrade(tx) {
    const queued = new Set((await tx.table('outbox').toCollection().primaryKeys()).map(String));
    await tx
      .table('stories')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        if (row.state !== undefined && row.state !== 'draft' && !queued.has(String(row.id)))
          row.requeue = true;
        delete row.state;
      });
    await tx
      .table('outbox')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        if (typeof row.version !== 'number') row.version = 1;
      });
  },
};

/**
 * Home's rows: one small row per story (and per receipt), its title and services sealed, written in
 * the same transaction as the story, so Home opens the newest 50 and never every story. The plain
 * fields (times, stage, on-behalf 0/1, month) are not personal and are what the counts use. Rows for
 * stories written before this version are built by a task after unlock (a key is needed).
 */
export const DB_V5_SUMMARIES: SchemaVersion = {
  version: 5,
  name: 'DB_V5_SUMMARIES',
  stores: { summaries: 'id, createdAt, [stage+onBehalf+month]' },
};

/**
 * The directory's search index as built (one row per directory generation, in practice one), so
 * a start reads it back instead of rebuilding it from every service. Service data only.
 */
export const DB_V6_DIRECTORY_INDEX: SchemaVersion = {
  version: 6,
  name: 'DB_V6_DIRECTORY_INDEX',
  stores: { directoryIndex: 'gen' },
};

/**
 * Why a story waits or was refused is kept as a code, worded when shown (in the chosen language):
 * an outbox entry's `lastProblem` and the queue's pause, stored as English words until now, become
 * codes — each text an earlier version wrote its own code, anything else `unknown`. No index changes.
 */
export const DB_V7_REASON_CODES: SchemaVersion = {
  version: 7,
  name: 'DB_V7_REASON_CODES',
  stores: {},
  async upgrade(tx) {
    await tx
      .table('outbox')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        if (typeof row.lastProblem === 'string') row.lastProblem = legacySendProblem(row.lastProblem);
      });
    // The queue's pause, as send/outbox.ts keeps it in `meta`.
    const pause = await tx.table('meta').get('queue-pause');
    if (typeof pause?.value === 'string')
      await tx.table('meta').put({ ...pause, value: legacySendProblem(pause.value) });
  },
};

export const MIGRATIONS: readonly SchemaVersion[] = [
  DB_V1_STORIES,
  DB_V2_DIRECTORY,
  DB_V3_OUTBOX_RECEIPTS,
  DB_V4_SEND_STATE_IN_OUTBOX,
  DB_V5_SUMMARIES,
  DB_V6_DIRECTORY_INDEX,
  DB_V7_REASON_CODES,
];

export const DB_NAME = 'story-collector';
