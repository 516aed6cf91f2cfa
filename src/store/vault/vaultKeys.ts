// The vault's key material at rest, in the device store: the data key only ever WRAPPED — by the
// PIN and by the recovery code (AES-KW), each wrap then sealed again with the device key — and
// the function and parameters each wrap was made with; beside it the sealed wrong-PIN counter,
// read with the record in one transaction and written with it (lockout.ts).
import { promisifyRequest } from 'idb-keyval';
import * as z from 'zod/mini';
import type { SettingsStore } from '../settings/settings.ts';
import { DeviceSealedSchema } from './deviceKey.ts';
import { type Kdf, KdfSchema } from './vaultKdf.ts';

const VAULT_KEY = 'vault';
const LOCKOUT_KEY = 'vault-lockout';

/** Version 3: the wrong-PIN counter is bound to the record by `lockout`, a nonce changed at every count. */
export const VAULT_VERSION = 3 as const;
export const LOCKOUT_NONCE_BYTES = 16;

const bytes = (length: number) =>
  z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array && b.length === length);

/** One wrap: AES-KW under a key derived from a secret, sealed with the device key (AES-GCM). */
export const WrapSchema = z.strictObject({ kdf: KdfSchema, salt: bytes(16), layer: DeviceSealedSchema });
export type Wrap = z.infer<typeof WrapSchema>;

export const VaultRecordSchema = z.strictObject({
  version: z.literal(VAULT_VERSION),
  pin: WrapSchema,
  recovery: WrapSchema,
  /** The nonce the current counter was sealed with: any other counter is refused. */
  lockout: bytes(LOCKOUT_NONCE_BYTES),
});
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

/** Before the counter was bound (version 2): bound at the next PIN tried (vaultAccess.ts). */
const UnboundRecordSchema = z.strictObject({ version: z.literal(2), pin: WrapSchema, recovery: WrapSchema });
export type UnboundRecord = z.infer<typeof UnboundRecordSchema>;

/** Before the device layer (version 1): PBKDF2-SHA-256 and AES-KW only. Re-made at the next unlock. */
const LegacyWrapSchema = z.strictObject({
  salt: bytes(16),
  iterations: z.number().check(z.int(), z.minimum(1)),
  wrapped: bytes(40),
});
const LegacyRecordSchema = z.strictObject({
  version: z.literal(1),
  pin: LegacyWrapSchema,
  recovery: LegacyWrapSchema,
});
export type LegacyRecord = z.infer<typeof LegacyRecordSchema>;

export type StoredVault = VaultRecord | UnboundRecord | LegacyRecord;

/** The record and the counter as stored together at one moment (the counter still sealed). */
export type VaultState = { record: StoredVault; counter: unknown };

/** A damaged record is a bug, not a reset. */
function parseRecord(raw: unknown): StoredVault {
  const older = z.union([LegacyRecordSchema, UnboundRecordSchema]).safeParse(raw);
  return older.success ? older.data : VaultRecordSchema.parse(raw);
}

/** The stored record, or null on a device with no PIN yet. */
export async function getVaultRecord(store: SettingsStore): Promise<StoredVault | null> {
  return (await getVaultState(store))?.record ?? null;
}

/** The record and its counter, read in one transaction; null on a device with no PIN yet. */
export async function getVaultState(store: SettingsStore): Promise<VaultState | null> {
  // As idb-keyval's getMany, written here so that it stays in the vault's lazy chunk.
  const [raw, counter] = await store('readonly', (objects) =>
    Promise.all([
      promisifyRequest<unknown>(objects.get(VAULT_KEY)),
      promisifyRequest<unknown>(objects.get(LOCKOUT_KEY)),
    ]),
  );
  return raw === undefined ? null : { record: parseRecord(raw), counter };
}

/**
 * Compare-and-set, in one transaction: stores `record` and its counter only if the stored record
 * is still `expected` (no record at all, for null). False when another page changed it first.
 */
export function saveVaultState(
  store: SettingsStore,
  expected: StoredVault | null,
  record: VaultRecord,
  counter: unknown,
): Promise<boolean> {
  return swap(
    store,
    (raw) => {
      const same =
        raw === undefined ? expected === null : expected !== null && isSame(parseRecord(raw), expected);
      return same ? record : null;
    },
    counter,
  );
}

/**
 * A new count for the stored record, in one transaction: its nonce becomes `nonce`, the one the
 * counter was sealed with, so an older counter no longer fits. False when the record is not bound.
 */
export function saveCounter(
  store: SettingsStore,
  nonce: Uint8Array<ArrayBuffer>,
  counter: unknown,
): Promise<boolean> {
  return swap(
    store,
    (raw) => {
      const stored = VaultRecordSchema.safeParse(raw);
      return stored.success ? { ...stored.data, lockout: nonce } : null;
    },
    counter,
  );
}

function swap(
  store: SettingsStore,
  next: (raw: unknown) => VaultRecord | null,
  counter: unknown,
): Promise<boolean> {
  return store('readwrite', (objects) => {
    // Built by hand, as idb-keyval's update(): awaiting between requests would end the transaction.
    return new Promise<boolean>((resolve, reject) => {
      const read = objects.get(VAULT_KEY);
      read.onsuccess = () => {
        try {
          const record = next(read.result);
          if (!record) return resolve(false);
          objects.put(record, VAULT_KEY);
          objects.put(counter, LOCKOUT_KEY);
          resolve(promisifyRequest(objects.transaction).then(() => true));
        } catch (error) {
          reject(error);
        }
      };
      read.onerror = () => reject(read.error);
    });
  });
}

/** The same wraps (each new wrap has a new salt); a count written since does not matter. */
function isSame(a: StoredVault, b: StoredVault): boolean {
  return a.version === b.version && sameBytes(a.pin.salt, b.pin.salt);
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** The KDF a legacy wrap was made with, in today's terms. */
export function legacyKdf(iterations: number): Kdf {
  return { name: 'pbkdf2-sha256', iterations };
}
