// From a PIN or recovery code to the AES-KW key that wraps the data key. The PIN goes through
// Argon2id (memory-hard, so a GPU gains little over this device); the recovery code, 120 random
// bits, needs no slow function and keeps PBKDF2. The parameters are stored beside each wrap, so
// they can change: a PIN wrap made with other parameters than the current ones is re-made at unlock.
import * as z from 'zod/mini';
import { createArgon2 } from './argon2/argon2.ts';
import { createHasher, loadReferenceEngine } from './argon2/argon2Engine.ts';

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
 * The PIN's Argon2id: 46 MiB, 2 passes, 1 lane (the WASM build runs on one thread). The floor (issue
 * 25): at least OWASP's minimum (46 MiB, 1 pass), and a 6-digit PIN with the device key copied costs
 * at least 3 minutes of one RTX 4090 to exhaust (README, "Threat model": 3 KiB moved per 1 KiB block
 * per pass, 1,008 GB/s). 46 MiB × 1 pass: 0.145 GB a guess, ≤ 6,966 a second, 141 s for the 981,184
 * six-digit PINs the rules allow — below the floor. 46 MiB × 2 passes: 0.289 GB, ≤ 3,483 a second,
 * 282 s (4.7 min). 64 MiB × 1 pass (0.201 GB, 196 s) also meets it but is slower to unlock:
 * hash-wasm sets up its memory afresh for every hash, and that costs about 4 times a pass, so the
 * time goes with memory × (passes + 4) — 64 × 5 against 46 × 6 (measured: 333 against 279 ms of
 * CPU in Node, 1.48 against 1.16 s in Chromium on the busy development machine).
 * Was 64 MiB × 3 passes (≥ 10 min), too slow to unlock within a second on an old iPad.
 */
export const PIN_KDF: Argon2id = { name: 'argon2id', memoryKiB: 47_104, iterations: 2, parallelism: 1 };
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
// Where it cannot start, this thread keeps the same engine (argon2Wasm.ts loaded only then).
const argon2 = createArgon2(
  () => new Worker(new URL('./argon2/argon2Worker.ts', import.meta.url), { type: 'module', name: 'argon2' }),
  createHasher(() =>
    loadReferenceEngine(() => import('./argon2/argon2Wasm.ts').then((m) => m.referenceWasm())),
  ),
);

/**
 * Has Argon2id ready for the next PIN while the Lock screen waits for it: the worker started, the
 * engine compiled and the PIN's memory claimed — so the unlock pays for the passes alone.
 */
export const prepareKdf = (): Promise<void> => argon2.prepare(PIN_KDF.memoryKiB);
/** Once unlocked: the worker and its memory go until the next lock (`prepareKdf`). */
export const releaseKdf = (): void => argon2.release();

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
