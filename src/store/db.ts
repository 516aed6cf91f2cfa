// The one Dexie database: opened with every schema version in MIGRATIONS, in order.
import { Dexie, type EntityTable, type Table } from 'dexie';
import { DB_NAME, MIGRATIONS, type SchemaVersion } from './schema.ts';

export type StoryRow = {
  id: string;
  /** Until DB_V4: the send state, now kept only by the outbox entry. */
  state?: string;
  /** Set by DB_V4 on a story that was waiting to send with no outbox entry: check and send again. */
  requeue?: boolean;
  createdAt?: number;
  updatedAt: number;
  payload?: unknown;
};
export type OutboxRow = { id: string; state: string; nextAttemptAt: number; [field: string]: unknown };
export type ReceiptRow = { id: string; at: number; [field: string]: unknown };
export type MetaRow = { key: string; value: unknown };
/** Home's row of a story: plain times and counts, the title and services sealed in `content`. */
export type SummaryRow = {
  id: string;
  createdAt: number;
  updatedAt: number;
  /** draft, collected (queued, sent, needs attention) or withdrawn: what the counts need. */
  stage: 'draft' | 'collected' | 'withdrawn';
  /** Posted on behalf (1) or not (0): IndexedDB cannot index booleans. */
  onBehalf: 0 | 1;
  /** The month it was collected in, "2026-11" (UTC), for this month's share. */
  month: string;
  content: unknown;
};
/** A stored service: the domain's Service plus the directory generation it belongs to. */
export type ServiceRow = { gen: number; nacs: string; [field: string]: unknown };
/** A stored search index: the generation it was built from and the index (see directoryIndex.ts). */
export type DirectoryIndexRow = { gen: number; format: number; index: unknown };

export type StoryDb = Dexie & {
  stories: EntityTable<StoryRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  services: Table<ServiceRow, [number, string]>;
  outbox: EntityTable<OutboxRow, 'id'>;
  receipts: EntityTable<ReceiptRow, 'id'>;
  summaries: EntityTable<SummaryRow, 'id'>;
  directoryIndex: EntityTable<DirectoryIndexRow, 'gen'>;
};

/** Opens (lazily, on first use) the database with versions up to `upTo` (all by default). */
export function createDb(name: string = DB_NAME, versions: readonly SchemaVersion[] = MIGRATIONS): StoryDb {
  const db = new Dexie(name) as StoryDb;
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}

/**
 * An old tab must not block a newer tab's schema upgrade: it saves what it can (the caller's
 * hook) and reloads into the new version instead (ARCHITECTURE.md, "Service worker and updates").
 * A save that fails still reloads; its error goes to `onError` (by default it is rethrown, an
 * unhandled rejection for the app's one handler).
 */
export function onVersionChange(
  db: StoryDb,
  beforeReload: () => Promise<void>,
  reload: () => void,
  onError: (error: unknown) => void = rethrow,
): void {
  db.on('versionchange', () => {
    void beforeReload()
      .catch(onError)
      .finally(() => {
        db.close();
        reload();
      });
    return false;
  });
}

function rethrow(error: unknown): never {
  throw error;
}

/** A failure of the browser's storage (IndexedDB's DOMExceptions, Dexie's errors), not a bug of ours. */
export function isStorageFailure(error: unknown): boolean {
  return error instanceof DOMException || error instanceof Dexie.DexieError;
}
