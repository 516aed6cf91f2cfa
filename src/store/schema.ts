// The database's schema versions, oldest first. Each is a named constant for what changed, and
// each upgrade has a migration test (tests/unit/store/migrations.test.ts). Never edit an old
// version that a device may hold: add a new one.
import type { Transaction } from 'dexie';

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
 * The directory's search index as built (one row per directory generation, in practice one), so
 * a start reads it back instead of rebuilding it from every service. Service data only.
 */
export const DB_V4_DIRECTORY_INDEX: SchemaVersion = {
  version: 4,
  name: 'DB_V4_DIRECTORY_INDEX',
  stores: { directoryIndex: 'gen' },
};

export const MIGRATIONS: readonly SchemaVersion[] = [
  DB_V1_STORIES,
  DB_V2_DIRECTORY,
  DB_V3_OUTBOX_RECEIPTS,
  DB_V4_DIRECTORY_INDEX,
];

export const DB_NAME = 'story-collector';
