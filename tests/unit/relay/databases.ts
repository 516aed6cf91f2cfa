// The databases the relay's tests run on: SQLite in a temporary file, and a throwaway Postgres
// started once per test file (tests/tools/postgres.ts; installed by apt when root, never skipped).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { DatabaseUrl } from '../../../relay/config.ts';
import { type PostgresServer, startPostgres } from '../../tools/postgres.ts';

export const KINDS = ['sqlite', 'postgres'] as const;
export type DbKind = (typeof KINDS)[number];

export function sqliteUrl(): DatabaseUrl {
  return { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'relay-test-')), 'relay.db') };
}

/** Call once at the top of a test file; `url(kind)` then gives a fresh, empty database. */
export function useDatabases(): { url(kind: DbKind): Promise<DatabaseUrl> } {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 600_000); // a first run as root may install Debian's postgresql package
  afterAll(async () => {
    await server?.stop();
  });
  return {
    async url(kind) {
      if (kind === 'sqlite') return sqliteUrl();
      if (!server) throw new Error('Postgres did not start');
      return { kind: 'postgres', url: await server.createDatabase() };
    },
  };
}
