// From a PIN or recovery code to the AES-KW key that wraps the data key. The PIN goes through
// Argon2id (memory-hard, so a GPU gains little over this device); the recovery code, 120 random
// bits, needs no slow function and keeps PBKDF2. The parameters are stored beside each wrap, so
// they can change: a PIN wrap made with other parameters than the current ones is re-made at unlock.
import * as z from 'zod/mini';
import { createArgon2 } from './argon2.ts';

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
 * The PIN's Argon2id: 64 MiB, 1 pass, 1 lane (the WASM build runs on one thread). The floor (issue
 * 25): at least OWASP's minimum (46 MiB, 1 pass), and a 6-digit PIN with the device key copied
 * costs at least 3 minutes of one RTX 4090 to exhaust (README, "Threat model"): 3 KiB × 65,536
 * blocks × 1 pass = 0.201 GB moved per guess, so ≤ 5,007 guesses a second at 1,008 GB/s, and the
 * 981,184 six-digit PINs the rules allow take ≥ 196 s (3.3 min). 46 MiB × 1 pass would take 141 s,
 * below the floor; 46 MiB × 2 passes meets it but moves more memory than 64 MiB × 1, so is slower.
 * Was 64 MiB × 3 passes (≥ 10 min), too slow to unlock within a second on an old iPad.
 */
export const PIN_KDF: Argon2id = { name: 'argon2id', memoryKiB: 65_536, iterations: 1, parallelism: 1 };
/** OWASP (2023) for PBKDF2-HMAC-SHA256: ample for a 120-bit random code. */
export const RECOVERY_KDF: Kdf = { name: 'pbkdf2-sha256', iterations: 600_000 };

/**
 * Whether a wrap made with `stored` should be re-made with `current`: any parameter that differs,
 * or another function — lowered as well as raised, so every vault moves to the current parameters.
 */
export function isOutdated(stored: Kdf, current: Kdf): boolean {
  if (stored.name !== current.name) return true;
  if (stored.name === 'pbkdf2-sha256' || current.name === 'pbkdf2-sha256')
    return stored.iterations !== current.iterations;
  return (
    stored.memoryKiB !== current.memoryKiB ||
    stored.iterations !== current.iterations ||
    stored.parallelism !== current.parallelism
  );
}

// The worker is made on first use; Vite builds it from this `new Worker(new URL(…))` as its own file.
const argon2 = createArgon2(
  () => new Worker(new URL('./argon2Worker.ts', import.meta.url), { type: 'module', name: 'argon2' }),
);

/** Starts Argon2id's worker and compiles its WASM ahead of the first PIN, while the Lock screen waits for it. */
export const prepareKdf = (): Promise<void> => argon2.prepare();

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
  const raw = await argon2.hash({ password: secret, salt, kdf });
  try {
    return await crypto.subtle.importKey('raw', raw, WRAPPING_KEY, false, WRAP_USAGES);
  } finally {
    raw.fill(0);
  }
}
