// Idempotency records shared by every instance: one row per Idempotency-Key with the device, a
// hash of the body, and then the answer's status and JSON (the Care Opinion id) — never the story.
// While a request is in flight its row holds a lease, renewed every few seconds by the instance
// doing the work; an instance killed mid-request stops renewing, the lease expires within
// seconds, and the next retry takes the key over and forwards again with the same
// key (upstream is idempotent too, so a story it already stored is answered, not duplicated).
import { randomUUID } from 'node:crypto';
import type { RelayDb } from './db/database.ts';

/** A claim lasts this long unless renewed; the instance holding it renews it while it works. */
export const LEASE_MS = 10_000;
export const RENEW_EVERY_MS = 3_000;
/** API.md: idempotency records are kept for at least 30 days. */
export const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export type Claim =
  | { kind: 'claimed'; owner: string }
  | { kind: 'replay'; answer: unknown }
  | { kind: 'in-flight' }
  | { kind: 'mismatch' };

export function createIdempotency({ db }: RelayDb, now: () => number) {
  async function takeOver(
    key: string,
    deviceId: string,
    bodyHash: string,
    leaseUntil: number,
    owner: string,
  ) {
    const at = now();
    const result = await db
      .updateTable('idempotency')
      .set({ owner, lease_until: at + LEASE_MS, device_id: deviceId, body_hash: bodyHash })
      .where('key', '=', key)
      .where('state', '=', 'in-flight')
      .where('lease_until', '=', leaseUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async function claimOnce(key: string, deviceId: string, bodyHash: string): Promise<Claim | undefined> {
    const owner = randomUUID();
    const at = now();
    const inserted = await db
      .insertInto('idempotency')
      .values({
        key,
        device_id: deviceId,
        body_hash: bodyHash,
        state: 'in-flight',
        owner,
        lease_until: at + LEASE_MS,
        created_at: at,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows) === 1) return { kind: 'claimed', owner };
    const row = await db
      .selectFrom('idempotency')
      .select(['state', 'body_hash', 'lease_until', 'answer'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined; // released between the two statements: try again
    if (row.state === 'done') {
      return row.body_hash === bodyHash
        ? { kind: 'replay', answer: JSON.parse(row.answer ?? 'null') }
        : { kind: 'mismatch' };
    }
    if (row.lease_until > at) return { kind: 'in-flight' };
    return (await takeOver(key, deviceId, bodyHash, row.lease_until, owner))
      ? { kind: 'claimed', owner }
      : { kind: 'in-flight' };
  }

  return {
    async claim(key: string, deviceId: string, bodyHash: string): Promise<Claim> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const claim = await claimOnce(key, deviceId, bodyHash);
        if (claim) return claim;
      }
      return { kind: 'in-flight' };
    },

    /** Keeps the claim alive while its instance waits for its slot and for upstream. */
    async renew(key: string, owner: string): Promise<void> {
      await db
        .updateTable('idempotency')
        .set({ lease_until: now() + LEASE_MS })
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'in-flight')
        .execute();
    },

    /** Keeps the stored answer; a lost lease means another instance completes the same story. */
    async complete(key: string, owner: string, status: number, answer: unknown): Promise<void> {
      await db
        .updateTable('idempotency')
        .set({ state: 'done', status, answer: JSON.stringify(answer), owner: null, completed_at: now() })
        .where('key', '=', key)
        .where('owner', '=', owner)
        .execute();
    },

    /** Frees the key: the answer was not a stored story, so a retry is processed afresh. */
    async release(key: string, owner: string): Promise<void> {
      await db
        .deleteFrom('idempotency')
        .where('key', '=', key)
        .where('owner', '=', owner)
        .where('state', '=', 'in-flight')
        .execute();
    },

    async prune(): Promise<void> {
      const oldest = now() - RETENTION_MS;
      await db
        .deleteFrom('idempotency')
        .where('state', '=', 'done')
        .where('completed_at', '<', oldest)
        .execute();
      await db.deleteFrom('deliveries').where('at', '<', oldest).execute();
    },
  };
}

export type Idempotency = ReturnType<typeof createIdempotency>;
