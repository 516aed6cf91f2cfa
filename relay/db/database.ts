// Opens the relay's database: SQLite (one instance, the default) or Postgres (any number of
// instances), both through Kysely, migrated to the latest schema before use.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseUrl } from '../config.ts';
import { migrate } from './migrations.ts';
import type { Tables } from './schema.ts';

export type DatabaseKind = DatabaseUrl['kind'];

export type RelayDb = {
  db: Kysely<Tables>;
  kind: DatabaseKind;
  /** `max` in SQLite, `greatest` in Postgres: the larger of two numbers in one row. */
  greatest: 'max' | 'greatest';
  close(): Promise<void>;
};

const INT8 = 20;

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

function postgresDialect(url: string): PostgresDialect {
  // bigint columns hold epoch milliseconds, well inside a double: read them as numbers.
  const types = {
    getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8 ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({ connectionString: url, types, max: 10 });
  // A connection the server drops (a restart, a failover) is replaced; its error must not crash us.
  const ignore = () => {};
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  return new PostgresDialect({ pool });
}

export async function openDatabase(url: DatabaseUrl): Promise<RelayDb> {
  const dialect = url.kind === 'sqlite' ? sqliteDialect(url.path) : postgresDialect(url.url);
  const db = new Kysely<Tables>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    db,
    kind: url.kind,
    greatest: url.kind === 'sqlite' ? 'max' : 'greatest',
    close: () => db.destroy(),
  };
}
