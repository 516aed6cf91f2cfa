// From a PIN or recovery code to the AES-KW key that wraps the data key. The PIN goes through
// Argon2id (memory-hard, so a GPU gains little over this device); the recovery code, 120 random
// bits, needs no slow function and keeps PBKDF2. The parameters are stored beside each wrap, so
// they can be raised later: a wrap made with less than the current ones is re-made at unlock.
import * as z from 'zod/mini';

const count = (min: number) => z.number().check(z.int(), z.minimum(min));

export const Argon2idSchema = z.strictObject({
  name: z.literal('argon2id'),
  memoryKiB: count(8),
  iterations: count(1),
  parallelism: count(1),
});
export const Pbkdf2Schema = z.strictObject({ name: z.literal('pbkdf2-sha256'), iterations: count(1) });
export const KdfSchema = z.discriminatedUnion('name', [Argon2idSchema, Pbkdf2Schema]);
export type Kdf = z.infer<typeof KdfSchema>;
export type Argon2id = z.infer<typeof Argon2idSchema>;

/**
 * The PIN's Argon2id: 64 MiB, tuned so that unlocking stays within a second in Chromium on the
 * development machine (`npm run bench -- crypto`). One lane: the WASM build runs on one thread.
 */
export const PIN_KDF: Argon2id = { name: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 };
/** OWASP (2023) for PBKDF2-HMAC-SHA256: ample for a 120-bit random code. */
export const RECOVERY_KDF: Kdf = { name: 'pbkdf2-sha256', iterations: 600_000 };

/** Whether a wrap made with `stored` should be re-made with `current` (any parameter lower, or another function). */
export function isWeaker(stored: Kdf, current: Kdf): boolean {
  if (stored.name !== current.name) return current.name === 'argon2id';
  if (stored.name === 'pbkdf2-sha256' || current.name === 'pbkdf2-sha256')
    return stored.iterations < current.iterations;
  return (
    stored.memoryKiB < current.memoryKiB ||
    stored.iterations < current.iterations ||
    stored.parallelism < current.parallelism
  );
}

/** Loads and compiles Argon2id ahead of the first PIN, while the Lock screen waits for it to be typed. */
export async function prepareKdf(): Promise<void> {
  const { argon2id } = await import('hash-wasm');
  const salt = new Uint8Array(8);
  await argon2id({ password: '', salt, memorySize: 8, iterations: 1, parallelism: 1, hashLength: 4 });
}

const text = new TextEncoder();
const WRAPPING_KEY = { name: 'AES-KW', length: 256 } as const;
const WRAP_USAGES: KeyUsage[] = ['wrapKey', 'unwrapKey'];

/** The AES-KW key for `secret` under `salt` and `kdf`; it can only wrap and unwrap, never be read. */
export async function deriveWrappingKey(
  secret: string,
  salt: Uint8Array<ArrayBuffer>,
  kdf: Kdf,
): Promise<CryptoKey> {
  if (kdf.name === 'pbkdf2-sha256') {
    const base = await crypto.subtle.importKey('raw', text.encode(secret), 'PBKDF2', false, ['deriveKey']);
    return crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations },
      base,
      WRAPPING_KEY,
      false,
      WRAP_USAGES,
    );
  }
  // Loaded only when a PIN is set or typed, so the WASM never enters the first download.
  const { argon2id } = await import('hash-wasm');
  const hash = await argon2id({
    password: secret,
    salt,
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  const raw = new Uint8Array(hash);
  try {
    return await crypto.subtle.importKey('raw', raw, WRAPPING_KEY, false, WRAP_USAGES);
  } finally {
    raw.fill(0);
    hash.fill(0);
  }
}
