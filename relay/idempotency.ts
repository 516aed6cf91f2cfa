// Idempotency records shared by every instance: one row per Idempotency-Key with the device, a
// keyed fingerprint of the body (bodyHash.ts: an HMAC under a secret outside the database), and then the answer's status and JSON (the Care Opinion id) — never the story.
// While a request is in flight its row holds a lease, renewed every few seconds by the instance
// doing the work; an instance killed mid-request stops renewing, the lease expires within
// seconds, and the next retry takes the key over and forwards again with the same
// key (upstream is idempotent too, so a story it already stored is answered, not duplicated).
import { randomUUID } from 'node:crypto';
import { FINGERPRINT_PREFIX, type Fingerprints } from './bodyHash.ts';
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

type Stored = { body_hash: string; device_id: string };

/**
 * Whether a stored row was made for the same body. A row written before fingerprints were keyed
 * (re-keyed at start, but an older instance may still write one during a rolling upgrade) holds the
 * bare digest. A row keyed by another secret (the secret file lost or replaced) cannot be checked:
 * its answer is replayed to the device that made it — an Idempotency-Key is a random UUID fixed per
 * story on that device — and any other device is refused as a reused key.
 */
function sameBody(row: Stored, deviceId: string, digest: string, fingerprints: Fingerprints): boolean {
  if (!row.body_hash.startsWith(FINGERPRINT_PREFIX)) return row.body_hash === digest;
  if (row.body_hash.startsWith(`${FINGERPRINT_PREFIX}${fingerprints.id}:`)) {
    return row.body_hash === fingerprints.of(digest);
  }
  return row.device_id === deviceId;
}

export function createIdempotency({ db }: RelayDb, now: () => number, fingerprints: Fingerprints) {
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

  async function claimOnce(key: string, deviceId: string, digest: string): Promise<Claim | undefined> {
    const bodyHash = fingerprints.of(digest);
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
      .select(['state', 'body_hash', 'device_id', 'lease_until', 'answer'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row) return undefined; // released between the two statements: try again
    if (row.state === 'done') {
      return sameBody(row, deviceId, digest, fingerprints)
        ? { kind: 'replay', answer: JSON.parse(row.answer ?? 'null') }
        : { kind: 'mismatch' };
    }
    if (row.lease_until > at) return { kind: 'in-flight' };
    return (await takeOver(key, deviceId, bodyHash, row.lease_until, owner))
      ? { kind: 'claimed', owner }
      : { kind: 'in-flight' };
  }

  return {
    /** `digest` is bodyHash(body): kept only as its keyed fingerprint. */
    async claim(key: string, deviceId: string, digest: string): Promise<Claim> {
      for (let attempt = 0; attempt < 3; attempt++) {
        const claim = await claimOnce(key, deviceId, digest);
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

    /**
     * At start: rows that still hold a bare SHA-256 of a story (written before fingerprints were
     * keyed) get its HMAC instead, so no confirmable hash stays at rest; returns how many rows hold a
     * fingerprint made with another secret (logged: their replays are checked by device only).
     */
    async rekey(): Promise<{ rekeyed: number; otherSecret: number }> {
      const legacy = await db
        .selectFrom('idempotency')
        .select(['key', 'body_hash'])
        .where('body_hash', 'not like', `${FINGERPRINT_PREFIX}%`)
        .execute();
      for (const row of legacy) {
        await db
          .updateTable('idempotency')
          .set({ body_hash: fingerprints.of(row.body_hash) })
          .where('key', '=', row.key)
          .where('body_hash', '=', row.body_hash) // another instance may have done it already
          .execute();
      }
      const other = await db
        .selectFrom('idempotency')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('body_hash', 'like', `${FINGERPRINT_PREFIX}%`)
        .where('body_hash', 'not like', `${FINGERPRINT_PREFIX}${fingerprints.id}:%`)
        .executeTakeFirst();
      return { rekeyed: legacy.length, otherSecret: Number(other?.n ?? 0) };
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
