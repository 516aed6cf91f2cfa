// The relay's own copy of the directory: upstream's items kept exactly as sent, with lower-cased
// name and type beside them for `name=` / `type=` matching, ordered by code like upstream.
import { randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RelayDb } from '../db/database.ts';
import type { ServicesTable, Tables } from '../db/schema.ts';

const CHUNK = 500;

export type DirectoryState = {
  version: string;
  count: number;
  updatedAt: string | null;
  fullAt: string | null;
  incrementalAt: string | null;
  lastError: string | null;
};

export type ServiceQuery = { skip: number; take: number; name?: string; type?: string; addedAfter?: number };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** An upstream item as a row; items with no code cannot be kept (or asked for) and are dropped. */
export function toRow(item: unknown): ServicesTable | null {
  if (item === null || typeof item !== 'object') return null;
  const fields = item as Record<string, unknown>;
  const nacs = text(fields.nacs);
  if (!nacs) return null;
  const added = Date.parse(text(fields.addedAt));
  return {
    nacs,
    name_key: text(fields.name).toLowerCase(),
    type_key: text(fields.type).toLowerCase(),
    added_at: Number.isNaN(added) ? null : added,
    item: JSON.stringify(item),
  };
}

const likePattern = (value: string) => `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

async function insertRows(trx: Transaction<Tables>, rows: ServicesTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await trx
      .insertInto('services')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.column('nacs').doUpdateSet((eb) => ({
          name_key: eb.ref('excluded.name_key'),
          type_key: eb.ref('excluded.type_key'),
          added_at: eb.ref('excluded.added_at'),
          item: eb.ref('excluded.item'),
        })),
      )
      .execute();
  }
}

function filtered(db: Kysely<Tables>, query: ServiceQuery) {
  let select = db.selectFrom('services');
  if (query.name) select = select.where(sql<boolean>`name_key like ${likePattern(query.name)} escape '\\'`);
  if (query.type) select = select.where('type_key', '=', query.type.toLowerCase());
  if (query.addedAfter !== undefined) select = select.where('added_at', '>', query.addedAfter);
  return select;
}

export function createDirectoryStore({ db, kind }: RelayDb, now: () => number) {
  // Upstream orders by code, byte by byte; Postgres would otherwise use the database's locale.
  const byCode = kind === 'postgres' ? sql`nacs collate "C"` : sql`nacs`;
  async function save(rows: ServicesTable[], full: boolean): Promise<void> {
    const unique = [...new Map(rows.map((row) => [row.nacs, row])).values()];
    await db.transaction().execute(async (trx) => {
      if (full) await trx.deleteFrom('services').execute();
      await insertRows(trx, unique);
      const { n } = await trx
        .selectFrom('services')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const at = now();
      const changed = full || unique.length > 0;
      await trx
        .updateTable('directory_state')
        .set({
          ...(changed ? { version: randomUUID(), updated_at: at } : {}),
          count: Number(n),
          last_error: null,
          ...(full ? { full_at: at, incremental_at: at } : { incremental_at: at }),
        })
        .where('id', '=', 1)
        .execute();
    });
  }

  return {
    async state(): Promise<DirectoryState> {
      const row = await db
        .selectFrom('directory_state')
        .selectAll()
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return {
        version: row.version,
        count: row.count,
        updatedAt: iso(row.updated_at),
        fullAt: iso(row.full_at),
        incrementalAt: iso(row.incremental_at),
        lastError: row.last_error,
      };
    },
    replaceAll: (items: unknown[]) =>
      save(
        items.map(toRow).filter((row) => row !== null),
        true,
      ),
    upsert: (items: unknown[]) =>
      save(
        items.map(toRow).filter((row) => row !== null),
        false,
      ),
    async failed(reason: string): Promise<void> {
      await db.updateTable('directory_state').set({ last_error: reason }).where('id', '=', 1).execute();
    },

    async page(query: ServiceQuery): Promise<{ items: string[]; total: number }> {
      const { n } = await filtered(db, query)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const rows = await filtered(db, query)
        .select('item')
        .orderBy(byCode)
        .limit(query.take)
        .offset(query.skip)
        .execute();
      return { items: rows.map((row) => row.item), total: Number(n) };
    },

    async get(nacs: string): Promise<string | undefined> {
      const row = await db.selectFrom('services').select('item').where('nacs', '=', nacs).executeTakeFirst();
      return row?.item;
    },

    async all(): Promise<string[]> {
      const rows = await db.selectFrom('services').select('item').orderBy(byCode).execute();
      return rows.map((row) => row.item);
    },
  };
}

export type DirectoryStore = ReturnType<typeof createDirectoryStore>;
