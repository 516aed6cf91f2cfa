// The two layers around the data key. Inside: AES-KW under a key derived from the PIN or the
// recovery code. Outside: AES-GCM under this device's non-extractable key. Opening needs both, so a
// copy of the vault record without the device key is no use, not even to test PIN guesses.
import { deviceOpen, deviceSeal } from './deviceKey.ts';
import { type RandomBytes, unwrapDataKey } from './vaultCrypto.ts';
import { deriveWrappingKey, type Kdf } from './vaultKdf.ts';
import {
  type LegacyRecord,
  legacyKdf,
  type StoredVault,
  type UnboundRecord,
  VAULT_VERSION,
  type VaultRecord,
  type Wrap,
} from './vaultKeys.ts';

export type Role = 'pin' | 'recovery';

const SALT_BYTES = 16;
/**
 * A bound record's PIN layer (version 3) is sealed for that version, so it cannot be passed off as
 * an older record whose missing counter means no wait: it would no longer open.
 */
const layerAad = (role: Role, version: number) =>
  role === 'pin' && version >= 3 ? `vault:pin:${version}` : `vault:${role}`;

/** Wraps the data key (extractable for this moment only) under `secret`, then under the device key. */
export async function wrapTwice(
  dataKey: CryptoKey,
  secret: string,
  kdf: Kdf,
  role: Role,
  device: CryptoKey,
  random: RandomBytes,
): Promise<{ wrap: Wrap; wrappingKey: CryptoKey }> {
  const salt = random(SALT_BYTES);
  const wrappingKey = await deriveWrappingKey(secret, salt, kdf);
  const inner = new Uint8Array(await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, 'AES-KW'));
  return {
    wrap: { kdf, salt, layer: await deviceSeal(device, inner, layerAad(role, VAULT_VERSION), random) },
    wrappingKey,
  };
}

/** The inner (AES-KW) layer of one wrap; null when the device key does not open it. */
export type Inner = { kdf: Kdf; salt: Uint8Array<ArrayBuffer>; wrapped: Uint8Array<ArrayBuffer> };

export async function innerLayer(record: StoredVault, role: Role, device: CryptoKey): Promise<Inner | null> {
  if (record.version === 1) {
    const legacy = record[role];
    return { kdf: legacyKdf(legacy.iterations), salt: legacy.salt, wrapped: legacy.wrapped };
  }
  const wrap = record[role];
  const wrapped = await deviceOpen(device, wrap.layer, layerAad(role, record.version));
  return wrapped && { kdf: wrap.kdf, salt: wrap.salt, wrapped };
}

/** The data key from the inner layer, or null when `secret` is wrong (AES-KW's integrity check). */
export async function unwrapInner(
  inner: Inner,
  secret: string,
  extractable: boolean,
): Promise<CryptoKey | null> {
  const wrappingKey = await deriveWrappingKey(secret, inner.salt, inner.kdf);
  return unwrapDataKey(inner.wrapped, wrappingKey, extractable);
}

/**
 * An older record as a bound one (no PIN needed: the inner layers are kept, only the device layer
 * is sealed again), its counter sealed with `lockout`.
 */
export async function bindRecord(
  record: UnboundRecord | LegacyRecord,
  pin: Inner,
  lockout: Uint8Array<ArrayBuffer>,
  device: CryptoKey,
  random: RandomBytes,
): Promise<VaultRecord> {
  const layer = await deviceSeal(device, pin.wrapped, layerAad('pin', VAULT_VERSION), random);
  const recovery = record.version === 1 ? await layerLegacyRecovery(record, device, random) : record.recovery;
  return { version: VAULT_VERSION, pin: { kdf: pin.kdf, salt: pin.salt, layer }, recovery, lockout };
}

/** A legacy recovery wrap given the device layer (no recovery code needed: the inner layer is kept). */
export async function layerLegacyRecovery(
  record: LegacyRecord,
  device: CryptoKey,
  random: RandomBytes,
): Promise<Wrap> {
  const { salt, iterations, wrapped } = record.recovery;
  return {
    kdf: legacyKdf(iterations),
    salt,
    layer: await deviceSeal(device, wrapped, layerAad('recovery', VAULT_VERSION), random),
  };
}
