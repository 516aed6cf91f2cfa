// The device key: an AES-GCM key generated on this device as NON-extractable and stored as a
// CryptoKey (idb-keyval keeps it by structured clone). No script, this app's included, can read
// its bytes. On WebKit (Safari, every iPad browser) the stored key is itself wrapped by the
// system keychain, so a copy of the browser's storage alone cannot use it; Chromium and Firefox
// store its bytes in their profile (README, "Threat model").
import { get, update } from 'idb-keyval';
import * as z from 'zod/mini';
import type { SettingsStore } from '../settings/settings.ts';
import type { RandomBytes } from './vaultCrypto.ts';

const DEVICE_KEY = 'device-key';
const IV_BYTES = 12;

const bytes = (length: number) =>
  z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array && b.length === length);

/** Bytes sealed with the device key: a fresh IV and AES-GCM's ciphertext with its tag. */
export const DeviceSealedSchema = z.strictObject({
  iv: bytes(IV_BYTES),
  data: z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array),
});
export type DeviceSealed = z.infer<typeof DeviceSealedSchema>;

function isDeviceKey(value: unknown): value is CryptoKey {
  return value instanceof CryptoKey && value.algorithm.name === 'AES-GCM' && !value.extractable;
}

/** This device's key, or null when there is none (or what is stored is not one). */
export async function getDeviceKey(store: SettingsStore): Promise<CryptoKey | null> {
  const stored: unknown = await get(DEVICE_KEY, store);
  return isDeviceKey(stored) ? stored : null;
}

/**
 * This device's key, made on first use. Compare-and-set: when two pages make one at once, both
 * end with the one that was stored first.
 */
export async function ensureDeviceKey(store: SettingsStore): Promise<CryptoKey> {
  const existing = await getDeviceKey(store);
  if (existing) return existing;
  const made = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
  await update(DEVICE_KEY, (old: unknown) => (isDeviceKey(old) ? old : made), store);
  const kept = await getDeviceKey(store);
  if (!kept) throw new Error('the device key could not be stored');
  return kept;
}

const text = new TextEncoder();

export async function deviceSeal(
  key: CryptoKey,
  plain: Uint8Array<ArrayBuffer>,
  aad: string,
  random: RandomBytes,
): Promise<DeviceSealed> {
  const iv = random(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(aad) },
    key,
    plain,
  );
  return { iv, data: new Uint8Array(data) };
}

/** The bytes, or null when they were not sealed by this key for this purpose (or were changed). */
export async function deviceOpen(
  key: CryptoKey,
  sealed: unknown,
  aad: string,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const parsed = DeviceSealedSchema.safeParse(sealed);
  if (!parsed.success) return null;
  try {
    const { iv, data } = parsed.data;
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: text.encode(aad) }, key, data),
    );
  } catch (error) {
    // GCM's tag failed (OperationError): not sealed by this key for this purpose
    if (error instanceof DOMException && error.name === 'OperationError') return null;
    throw error;
  }
}
