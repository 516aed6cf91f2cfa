// Opens the relay's database: SQLite (one instance, the default) or Postgres (any number of
// instances), both through Kysely, migrated to the latest schema before use.
import { chmodSync, mkdirSync } from 'node:fs';
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

/** The database could not be opened or migrated: main.ts prints the message and exits with 3. */
export class DatabaseError extends Error {}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message || error.name;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

/** Where the database is, without a password: postgres://user@host:port/db. */
export function databaseName(url: DatabaseUrl): string {
  if (url.kind === 'sqlite') return `sqlite:${url.path}`;
  try {
    const parsed = new URL(url.url);
    parsed.password = '';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') {
    // Readable by the relay's user only: the folder and the file (SQLite gives its -wal and -shm
    // files the database file's permissions).
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  }
  const database = new SQLite(path);
  if (path !== ':memory:') chmodSync(path, 0o600);
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
  let dialect: SqliteDialect | PostgresDialect;
  try {
    dialect = url.kind === 'sqlite' ? sqliteDialect(url.path) : postgresDialect(url.url);
  } catch (error) {
    throw new DatabaseError(`The database ${databaseName(url)} could not be opened: ${describe(error)}`);
  }
  const db = new Kysely<Tables>({ dialect });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseError(
      `The database ${databaseName(url)} could not be opened or migrated: ${describe(error)}`,
    );
  }
  return {
    db,
    kind: url.kind,
    greatest: url.kind === 'sqlite' ? 'max' : 'greatest',
    close: () => db.destroy(),
  };
}
