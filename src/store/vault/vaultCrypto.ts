// Web Crypto steps of the vault: the data key, AES-KW unwrapping of it, AES-GCM sealing of
// payloads. Web Crypto only; none of this may run inside an IndexedDB transaction.
import * as z from 'zod/mini';

export type RandomBytes = (length: number) => Uint8Array<ArrayBuffer>;

export const randomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

const IV_BYTES = 12;
const DATA_KEY = { name: 'AES-GCM', length: 256 } as const;
const DATA_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];
const text = new TextEncoder();

/** A fresh random 256-bit data key, extractable ONLY so that set-up can wrap it. */
export function generateDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey(DATA_KEY, true, DATA_USAGES);
}

/**
 * The data key, or null when the wrapping key is wrong (AES-KW's integrity check fails). Pass
 * `extractable: true` only to re-wrap it at once (set-up, PIN reset); otherwise it can never leave
 * Web Crypto, not even to this app's own scripts.
 */
export async function unwrapDataKey(
  wrapped: Uint8Array<ArrayBuffer>,
  wrappingKey: CryptoKey,
  extractable: boolean,
): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      wrapped,
      wrappingKey,
      'AES-KW',
      DATA_KEY,
      extractable,
      DATA_USAGES,
    );
  } catch (error) {
    // the wrong wrapping key, or a changed wrap (OperationError)
    if (error instanceof DOMException && error.name === 'OperationError') return null;
    throw error;
  }
}

/** Additional data binding a payload to its record, so a payload copied to another record won't open. */
export function recordAad(id: string, schemaVersion: string | number): string {
  return `${id}|${schemaVersion}`;
}

/** A sealed payload as stored: format version, the IV (fresh for every write) and the ciphertext. */
export const SealedSchema = z.object({
  v: z.literal(1),
  iv: z.custom<Uint8Array<ArrayBuffer>>((b) => b instanceof Uint8Array && b.length === IV_BYTES),
  data: z.instanceof(ArrayBuffer),
});
export type Sealed = z.infer<typeof SealedSchema>;

/** AES-GCM with the record's id and schema version as additional data, so a payload can't be moved. */
export async function seal(
  key: CryptoKey,
  value: unknown,
  aad: string,
  random: RandomBytes,
): Promise<Sealed> {
  const json = JSON.stringify(value);
  if (json === undefined) throw new Error('only JSON values can be sealed');
  const iv = random(IV_BYTES);
  const data = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: text.encode(aad) },
    key,
    text.encode(json),
  );
  return { v: 1, iv, data };
}

/** The value, or null when the ciphertext, IV or additional data do not match (GCM's tag fails). */
export async function open(key: CryptoKey, sealed: Sealed, aad: string): Promise<{ value: unknown } | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.iv, additionalData: text.encode(aad) },
      key,
      sealed.data,
    );
    return { value: JSON.parse(new TextDecoder().decode(plain)) };
  } catch (error) {
    // GCM's tag failed (OperationError): another key, IV or record
    if (error instanceof DOMException && error.name === 'OperationError') return null;
    throw error;
  }
}
