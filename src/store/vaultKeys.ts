// The vault's key material at rest, in the device store: the data key only ever WRAPPED (by the PIN
// and by the recovery code), the salts and iteration counts, and the wrong-PIN counters.
import { del, get, set } from 'idb-keyval';
import * as z from 'zod/mini';
import type { SettingsStore } from './settings.ts';

const VAULT_KEY = 'vault';
const LOCKOUT_KEY = 'vault-lockout';

export const VAULT_VERSION = 1;

const bytes = (length: number) =>
  z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array && b.length === length);

/** One wrapping of the data key: AES-KW under a key derived with PBKDF2-SHA-256 from a secret. */
export const WrappedKeySchema = z.object({
  salt: bytes(16),
  iterations: z.number().check(z.int(), z.minimum(1)),
  // AES-KW of a 256-bit key: 32 bytes plus the 8-byte integrity block.
  wrapped: bytes(40),
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

export const VaultRecordSchema = z.strictObject({
  version: z.literal(VAULT_VERSION),
  pin: WrappedKeySchema,
  recovery: WrappedKeySchema,
});
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

export const LockoutSchema = z.strictObject({
  failures: z.number().check(z.int(), z.minimum(0)),
  lastFailureAt: z.number(),
});
export type Lockout = z.infer<typeof LockoutSchema>;

const NO_FAILURES: Lockout = { failures: 0, lastFailureAt: 0 };

/** The stored record, or null on a device with no PIN yet. A damaged record is a bug, not a reset. */
export async function getVaultRecord(store: SettingsStore): Promise<VaultRecord | null> {
  const raw: unknown = await get(VAULT_KEY, store);
  return raw === undefined ? null : VaultRecordSchema.parse(raw);
}

export async function saveVaultRecord(store: SettingsStore, record: VaultRecord): Promise<void> {
  await set(VAULT_KEY, record, store);
}

export async function getLockout(store: SettingsStore): Promise<Lockout> {
  const parsed = LockoutSchema.safeParse(await get(LOCKOUT_KEY, store));
  return parsed.success ? parsed.data : NO_FAILURES;
}

export async function saveLockout(store: SettingsStore, lockout: Lockout): Promise<void> {
  if (lockout.failures === 0) await del(LOCKOUT_KEY, store);
  else await set(LOCKOUT_KEY, lockout, store);
}
