// The migration pattern: open each earlier schema version with the rows it wrote, upgrade to the
// current database, and check every row survived. A new version adds its rows to tests/fixtures.
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { MIGRATIONS } from '../../../src/store/schema.ts';
import { ROWS_BY_VERSION, upgradedRow } from '../../fixtures/dbRows.ts';

let n = 0;
const freshName = () => `migrations-${++n}-${Date.now()}`;

describe('schema migrations', () => {
  it('names every version and keeps them in ascending order', () => {
    const versions = MIGRATIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(MIGRATIONS.map((v) => v.name)).size).toBe(MIGRATIONS.length);
    for (const v of MIGRATIONS) expect(ROWS_BY_VERSION[v.name], `fixture rows for ${v.name}`).toBeDefined();
  });

  it.each(MIGRATIONS.map((v, i) => [v.name, i] as const))(
    'data written at %s survives the upgrade',
    async (name, i) => {
      const dbName = freshName();
      const old = createDb(dbName, MIGRATIONS.slice(0, i + 1));
      const rows = ROWS_BY_VERSION[name] ?? {};
      await old.open();
      for (const [table, items] of Object.entries(rows)) await old.table(table).bulkPut(items);
      old.close();

      const current = createDb(dbName);
      await current.open();
      expect(current.verno).toBe(MIGRATIONS.at(-1)?.version);
      const queued = new Set((rows.outbox ?? []).map((row) => String((row as { id: string }).id)));
      for (const [table, items] of Object.entries(rows)) {
        const keyPath = current.table(table).schema.primKey.keyPath ?? '';
        for (const item of items) {
          const row = item as Record<string, string>;
          const key = Array.isArray(keyPath) ? keyPath.map((k) => row[k] ?? '') : (row[keyPath] ?? '');
          const stored = await current.table(table).get(key);
          expect(stored, `${table} ${key}`).toMatchObject(upgradedRow(table, row, queued));
          if (table === 'stories')
            expect(stored, 'the send state lives in the outbox only').not.toHaveProperty('state');
        }
      }
      current.close();
    },
  );
});
