// The vault's key material at rest, in the device store: the data key only ever WRAPPED — by the
// PIN and by the recovery code (AES-KW), each wrap then sealed again with the device key — and
// the function and parameters each wrap was made with.
import { get, set, update } from 'idb-keyval';
import * as z from 'zod/mini';
import type { SettingsStore } from '../settings/settings.ts';
import { DeviceSealedSchema } from './deviceKey.ts';
import { type Kdf, KdfSchema } from './vaultKdf.ts';

const VAULT_KEY = 'vault';

export const VAULT_VERSION = 2;

const bytes = (length: number) =>
  z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array && b.length === length);

/** One wrap: AES-KW under a key derived from a secret, sealed with the device key (AES-GCM). */
export const WrapSchema = z.strictObject({ kdf: KdfSchema, salt: bytes(16), layer: DeviceSealedSchema });
export type Wrap = z.infer<typeof WrapSchema>;

export const VaultRecordSchema = z.strictObject({
  version: z.literal(VAULT_VERSION),
  pin: WrapSchema,
  recovery: WrapSchema,
});
export type VaultRecord = z.infer<typeof VaultRecordSchema>;

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

export type StoredVault = VaultRecord | LegacyRecord;

/** The stored record, or null on a device with no PIN yet. A damaged record is a bug, not a reset. */
export async function getVaultRecord(store: SettingsStore): Promise<StoredVault | null> {
  const raw: unknown = await get(VAULT_KEY, store);
  if (raw === undefined) return null;
  const legacy = LegacyRecordSchema.safeParse(raw);
  return legacy.success ? legacy.data : VaultRecordSchema.parse(raw);
}

export async function saveVaultRecord(store: SettingsStore, record: VaultRecord): Promise<void> {
  await set(VAULT_KEY, record, store);
}

/** Compare-and-set: stores `record` only if no record is there, in one transaction. */
export async function saveFirstVaultRecord(store: SettingsStore, record: VaultRecord): Promise<void> {
  await update(VAULT_KEY, (old: unknown) => old ?? record, store);
}

/** The KDF a legacy wrap was made with, in today's terms. */
export function legacyKdf(iterations: number): Kdf {
  return { name: 'pbkdf2-sha256', iterations };
}
