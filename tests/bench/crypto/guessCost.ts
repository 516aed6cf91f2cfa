// The offline guessing cost of a PIN, worked out from the KDF's own parameters (README, "Threat
// model"). Argon2id is memory-bound on a GPU: every pass over its memory reads two 1 KiB blocks and
// writes one for each block, so one guess moves 3 KiB × blocks × passes through the GPU's memory.
import type { Argon2id } from '../../../src/store/vault/vaultKdf.ts';

/** A high-end consumer GPU (RTX 4090): 1,008 GB/s of memory bandwidth, 24 GB of memory. */
export const GPU = { name: 'RTX 4090', bandwidthBytesPerS: 1_008e9, memoryBytes: 24e9 } as const;
/** PBKDF2-SHA-256 at 600,000 iterations on that GPU (hashcat), for comparison: issue 13's figure. */
export const PBKDF2_600K_GUESSES_PER_S = 14_800;

/** Bytes moved through memory for one Argon2id guess. */
export function argon2BytesPerGuess(kdf: Argon2id): number {
  return 3 * 1024 * kdf.memoryKiB * kdf.iterations;
}

/**
 * Guesses per second on one GPU: an UPPER bound from memory bandwidth alone (real attacks lose
 * more to latency and compute), and never more lanes than fit in its memory.
 */
export function argon2GuessesPerSecond(kdf: Argon2id): number {
  const fits = Math.floor(GPU.memoryBytes / (kdf.memoryKiB * 1024));
  if (fits < 1) return 0;
  return GPU.bandwidthBytesPerS / argon2BytesPerGuess(kdf);
}

/** Seconds to try every PIN of `digits` digits at `perSecond`. */
export function secondsToTryAll(digits: number, perSecond: number): number {
  return 10 ** digits / perSecond;
}

export function describeSeconds(s: number): string {
  if (!Number.isFinite(s)) return 'never (no way to test a guess)';
  if (s < 120) return `${Math.round(s)} s`;
  if (s < 7_200) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${(s / 3_600).toFixed(1)} h`;
  if (s < 2 * 31_557_600) return `${(s / 86_400).toFixed(1)} days`;
  return `${(s / 31_557_600).toFixed(1)} years`;
}
