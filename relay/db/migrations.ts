// Kysely migrations, listed in code (a static provider, so no files are read at run time). Add a
// migration as a new entry; never edit one that has shipped.
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run against the database as it was, untyped
type Db = Kysely<any>;

const initial: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('devices')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('enrolled_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema
      .createTable('enrolments')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema
      .createTable('code_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('address_hash', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('code_attempts_by_address')
      .on('code_attempts')
      .columns(['address_hash', 'at'])
      .execute();
    await db.schema
      .createTable('idempotency')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('owner', 'text')
      .addColumn('lease_until', 'bigint', (c) => c.notNull())
      .addColumn('status', 'integer')
      .addColumn('answer', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('completed_at', 'bigint')
      .execute();
    await db.schema
      .createIndex('idempotency_by_device')
      .on('idempotency')
      .columns(['device_id', 'state'])
      .execute();
    await db.schema
      .createTable('deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('care_opinion_id', 'text')
      .execute();
    await db.schema.createIndex('deliveries_by_time').on('deliveries').column('at').execute();
    await db.schema
      .createTable('services')
      .addColumn('nacs', 'text', (c) => c.primaryKey())
      .addColumn('name_key', 'text', (c) => c.notNull())
      .addColumn('type_key', 'text', (c) => c.notNull())
      .addColumn('added_at', 'bigint')
      .addColumn('item', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('directory_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint')
      .addColumn('full_at', 'bigint')
      .addColumn('incremental_at', 'bigint')
      .addColumn('last_error', 'text')
      .execute();
    await db.insertInto('directory_state').values({ id: 1, version: 'empty', count: 0 }).execute();
    await db.schema
      .createTable('leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('until', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('rate_slots')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('next_at', 'bigint', (c) => c.notNull())
      .addColumn('last_sent_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.insertInto('rate_slots').values({ name: 'upstream', next_at: 0, last_sent_at: 0 }).execute();
  },
};

/** The departures get a row of their own, so reserving a slot never waits on a departure's lock. */
const departures: Migration = {
  async up(db: Db) {
    await db.insertInto('rate_slots').values({ name: 'departed', next_at: 0, last_sent_at: 0 }).execute();
  },
};

/**
 * The audit trail and the admin page: an enrolment gets an id that is not its code (logged when a
 * device connects with it), and a device keeps the lead's name and, beside it, the iPad's own.
 */
const audit: Migration = {
  async up(db: Db) {
    await db.schema.alterTable('enrolments').addColumn('id', 'text').execute();
    await db.schema.alterTable('devices').addColumn('description', 'text').execute();
    await db.schema.alterTable('devices').addColumn('enrolment_id', 'text').execute();
  },
};

/**
 * The fleet (issue 26): each device's latest status report (numbers only, the time as sent), and
 * the relay's export key — its public half, and its private half sealed under a key derived from
 * the fingerprint secret (exportKey.ts), so the database alone never opens a sealed file.
 */
const fleet: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('device_status')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('reported_at', 'bigint', (c) => c.notNull())
      .addColumn('waiting', 'bigint', (c) => c.notNull())
      .addColumn('needs_attention', 'bigint', (c) => c.notNull())
      .addColumn('ready_to_post', 'bigint', (c) => c.notNull())
      .addColumn('drafts', 'bigint', (c) => c.notNull())
      .addColumn('oldest_waiting_at', 'text')
      .addColumn('app_version', 'text', (c) => c.notNull())
      .addColumn('storage_persisted', 'integer', (c) => c.notNull())
      .addColumn('used_bytes', 'bigint', (c) => c.notNull())
      .addColumn('quota_bytes', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('export_keys')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('private_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
  },
};

/**
 * The posting desk (issue 27): the lead's desk key — the public JWK and the private key as the
 * lead's browser wrapped it with a passphrase (never opened here) — and the stories iPads sealed
 * to it, one row per (device, Idempotency-Key): the ciphertext while it waits, then only a receipt.
 * Named to sort after `fleet`: Kysely runs migrations in name order.
 */
const postingDesk: Migration = {
  async up(db: Db) {
    await db.schema
      .createTable('desk_key')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('wrapped', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('desk_stories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('sealed', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('received_at', 'bigint', (c) => c.notNull())
      .addColumn('story_number', 'text')
      .addColumn('posted_at', 'bigint')
      .addColumn('posted_by', 'text')
      .addColumn('posted_from', 'text')
      .addColumn('withdrawn_at', 'bigint')
      .addUniqueConstraint('desk_stories_device_key', ['device_id', 'idempotency_key'])
      .execute();
    await db.schema
      .createIndex('desk_stories_waiting')
      .on('desk_stories')
      .columns(['state', 'received_at'])
      .execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = {
  '2026-12-01-initial': initial,
  '2026-12-07-departures': departures,
  '2026-12-07-audit': audit,
  '2026-12-07-fleet': fleet,
  '2026-12-07-posting-desk': postingDesk,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Migrations this relay knows that the database has not run (none: the schema is current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const known = await new Migrator({ db, provider }).getMigrations();
  return known.filter((migration) => migration.executedAt === undefined).map((migration) => migration.name);
}

/** Brings the schema up to date; every instance may call it at start (Kysely locks the run). */
export async function migrate(db: Db): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('Database migration failed');
}
