// Enrolled devices: one-time expiring enrolment codes, bearer tokens kept only as hashes,
// revocation, and the wrong-code guard (more than 10 wrong codes a minute from one address, held
// under concurrency and across instances).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { RelayDb } from './db/database.ts';
import { hashSecret, newDeviceToken, newEnrolmentCode, normaliseCode } from './secrets.ts';

/** An enrolment code's lifetime: one figure, the same in the admin page, `npm start` and the app's hint. */
export const DEFAULT_CODE_MINUTES = 60;
export const CODE_LIFETIME_WORDS = 'an hour';
export const WRONG_CODES_PER_MINUTE = 10;
const MINUTE = 60_000;

export type Enrolment = { id: string; code: string; expiresAt: number };
export type OpenEnrolment = { id: string; name: string | null; expiresAt: string };
export type EnrolResult =
  | { ok: true; deviceId: string; token: string; enrolmentId: string | null; name: string }
  | { ok: false; error: 'code-unknown' | 'code-used' | 'code-expired' | 'too-many-codes' };
export type DeviceCheck =
  | { ok: true; deviceId: string }
  | { ok: false; error: 'device-unknown' | 'device-revoked' };

export type DeviceRow = {
  deviceId: string;
  /** The name the lead typed when enrolling (else the iPad's own, else "iPad"). */
  name: string;
  /** What the iPad called itself when it connected, shown beside the name. */
  description: string | null;
  enrolledAt: string;
  lastSeenAt: string | null;
  sent: number;
  revokedAt: string | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function createDevices({ db, kind }: RelayDb, now: () => number) {
  /**
   * Takes one of the address's turns this minute, or none when it has had WRONG_CODES_PER_MINUTE:
   * counted and recorded in one transaction that serialises per address — an advisory lock on
   * Postgres (every instance), SQLite's one connection — so concurrent requests cannot all count
   * before any records. The turn's id, to give back when the code was right.
   */
  async function takeTurn(addressHash: string): Promise<string | null> {
    const at = now();
    const since = at - MINUTE;
    await db.deleteFrom('code_attempts').where('at', '<', since).execute();
    return db.transaction().execute(async (trx) => {
      if (kind === 'postgres')
        await sql`select pg_advisory_xact_lock(hashtext(${`code-attempts:${addressHash}`}))`.execute(trx);
      const row = await trx
        .selectFrom('code_attempts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('address_hash', '=', addressHash)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow();
      if (Number(row.n) >= WRONG_CODES_PER_MINUTE) return null;
      const id = randomUUID();
      await trx.insertInto('code_attempts').values({ id, address_hash: addressHash, at }).execute();
      return id;
    });
  }

  async function redeem(codeHash: string): Promise<'code-unknown' | 'code-used' | 'code-expired' | 'ok'> {
    const at = now();
    const used = await db
      .updateTable('enrolments')
      .set({ used_at: at })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) === 1) return 'ok';
    const row = await db
      .selectFrom('enrolments')
      .select(['used_at'])
      .where('code_hash', '=', codeHash)
      .executeTakeFirst();
    if (!row) return 'code-unknown';
    return row.used_at === null ? 'code-expired' : 'code-used';
  }

  /** Whether a device is enrolled, revoked or not known here (a sealed file's device). */
  async function stateOf(deviceId: string): Promise<'enrolled' | 'revoked' | 'unknown'> {
    const row = await db
      .selectFrom('devices')
      .select('revoked_at')
      .where('id', '=', deviceId)
      .executeTakeFirst();
    if (!row) return 'unknown';
    return row.revoked_at === null ? 'enrolled' : 'revoked';
  }

  return {
    async createEnrolment(name: string | null, minutes = DEFAULT_CODE_MINUTES): Promise<Enrolment> {
      const code = newEnrolmentCode();
      const id = randomUUID();
      const at = now();
      const expiresAt = at + minutes * MINUTE;
      await db
        .insertInto('enrolments')
        .values({
          code_hash: hashSecret(normaliseCode(code)),
          id,
          name,
          created_at: at,
          expires_at: expiresAt,
        })
        .execute();
      return { id, code, expiresAt };
    },

    /** Codes not yet used and not expired (ids and names only: the codes are not kept). */
    async open(): Promise<OpenEnrolment[]> {
      const rows = await db
        .selectFrom('enrolments')
        .select(['id', 'name', 'expires_at'])
        .where('used_at', 'is', null)
        .where('expires_at', '>', now())
        .where('id', 'is not', null)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((row) => ({
        id: row.id as string,
        name: row.name,
        expiresAt: iso(row.expires_at) as string,
      }));
    },

    async counts(): Promise<{ enrolled: number; revoked: number }> {
      const row = await db
        .selectFrom('devices')
        .select((eb) => [eb.fn.countAll<number>().as('all'), eb.fn.count<number>('revoked_at').as('revoked')])
        .executeTakeFirstOrThrow();
      return { enrolled: Number(row.all) - Number(row.revoked), revoked: Number(row.revoked) };
    },

    async enrol(code: string, name: string, address: string): Promise<EnrolResult> {
      // Every code takes a turn first, so no more than the limit are ever tried in a minute.
      const turn = await takeTurn(hashSecret(address));
      if (turn === null) return { ok: false, error: 'too-many-codes' };
      const codeHash = hashSecret(normaliseCode(code));
      const redeemed = await redeem(codeHash);
      if (redeemed !== 'ok') return { ok: false, error: redeemed };
      await db.deleteFrom('code_attempts').where('id', '=', turn).execute(); // a right code is not a wrong one
      const enrolment = await db
        .selectFrom('enrolments')
        .select(['name', 'id'])
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      const deviceId = randomUUID();
      const token = newDeviceToken();
      // The lead's name is the device's name; the iPad's own is kept beside it, never instead.
      const deviceName = enrolment?.name || name || 'iPad';
      await db
        .insertInto('devices')
        .values({
          id: deviceId,
          name: deviceName,
          description: name || null,
          enrolment_id: enrolment?.id ?? null,
          token_hash: hashSecret(token),
          enrolled_at: now(),
        })
        .execute();
      return { ok: true, deviceId, token, enrolmentId: enrolment?.id ?? null, name: deviceName };
    },

    /** One round trip: finds the device by its token's hash and notes when it was last seen. */
    async authenticate(token: string): Promise<DeviceCheck> {
      const row = await db
        .updateTable('devices')
        .set({ last_seen_at: now() })
        .where('token_hash', '=', hashSecret(token))
        .returning(['id', 'revoked_at'])
        .executeTakeFirst();
      if (!row) return { ok: false, error: 'device-unknown' };
      if (row.revoked_at !== null) return { ok: false, error: 'device-revoked' };
      return { ok: true, deviceId: row.id };
    },

    state: stateOf,

    /** Whether a device may no longer send (revoked, or gone): asked again just before a story leaves. */
    async revoked(deviceId: string): Promise<boolean> {
      return (await stateOf(deviceId)) !== 'enrolled';
    },

    async revoke(deviceId: string): Promise<boolean> {
      const result = await db
        .updateTable('devices')
        .set({ revoked_at: now() })
        .where('id', '=', deviceId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return true;
      const exists = await db
        .selectFrom('devices')
        .select('id')
        .where('id', '=', deviceId)
        .executeTakeFirst();
      return exists !== undefined;
    },

    async list(): Promise<DeviceRow[]> {
      const rows = await db
        .selectFrom('devices')
        .leftJoin('idempotency', (join) =>
          join.onRef('idempotency.device_id', '=', 'devices.id').on('idempotency.state', '=', 'done'),
        )
        .select((eb) => [
          'devices.id',
          'devices.name',
          'devices.description',
          'devices.enrolled_at',
          'devices.last_seen_at',
          'devices.revoked_at',
          eb.fn.count<number>('idempotency.key').as('sent'),
        ])
        .groupBy([
          'devices.id',
          'devices.name',
          'devices.description',
          'devices.enrolled_at',
          'devices.last_seen_at',
          'devices.revoked_at',
        ])
        .orderBy('devices.enrolled_at', 'desc')
        .execute();
      return rows.map((row) => ({
        deviceId: row.id,
        name: row.name,
        description: row.description,
        enrolledAt: iso(row.enrolled_at) as string,
        lastSeenAt: iso(row.last_seen_at),
        sent: Number(row.sent),
        revokedAt: iso(row.revoked_at),
      }));
    },
  };
}

export type Devices = ReturnType<typeof createDevices>;
