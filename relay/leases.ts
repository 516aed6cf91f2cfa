// Named leases in the database, so one instance at a time runs a shared job (the directory
// refresh). A lease that is not renewed expires: a killed instance never blocks a job for good.
import { randomUUID } from 'node:crypto';
import type { RelayDb } from './db/database.ts';

export function createLeases({ db }: RelayDb, now: () => number) {
  return {
    /** The owner id when this caller now holds the lease, else null. */
    async acquire(name: string, ms: number): Promise<string | null> {
      const owner = randomUUID();
      const at = now();
      const inserted = await db
        .insertInto('leases')
        .values({ name, owner, until: at + ms })
        .onConflict((oc) => oc.column('name').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows) === 1) return owner;
      const taken = await db
        .updateTable('leases')
        .set({ owner, until: at + ms })
        .where('name', '=', name)
        .where('until', '<', at)
        .executeTakeFirst();
      return Number(taken.numUpdatedRows) === 1 ? owner : null;
    },

    async renew(name: string, owner: string, ms: number): Promise<void> {
      await db
        .updateTable('leases')
        .set({ until: now() + ms })
        .where('name', '=', name)
        .where('owner', '=', owner)
        .execute();
    },

    async release(name: string, owner: string): Promise<void> {
      await db.deleteFrom('leases').where('name', '=', name).where('owner', '=', owner).execute();
    },

    async isHeld(name: string): Promise<boolean> {
      const row = await db.selectFrom('leases').select('until').where('name', '=', name).executeTakeFirst();
      return row !== undefined && row.until >= now();
    },
  };
}

export type Leases = ReturnType<typeof createLeases>;
