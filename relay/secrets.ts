// Device tokens and enrolment codes: random, shown once, stored only as SHA-256 hashes (they are
// long random secrets, so a fast hash is enough: nothing to guess from a stolen table).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// Crockford's base32 without I, L, O, U: easy to read out and type on an iPad.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A code like `7K3Q-M9XW-2D`: 10 symbols, 50 bits. */
export function newEnrolmentCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return symbols.join('').replace(/(.{4})(.{4})(.{2})/, '$1-$2-$3');
}

/** What a person typed, in the stored form: case, spaces and dashes ignored, O read as 0, I/L as 1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Compares two secrets in constant time (the admin token). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashSecret(given));
  const b = Buffer.from(hashSecret(expected));
  return timingSafeEqual(a, b);
}
