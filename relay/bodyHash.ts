// "The same body" (API.md): deep-equal JSON, key order ignored. The relay keeps only a keyed
// fingerprint of a story — an HMAC-SHA-256 under a secret kept outside the database
// (RELAY_HASH_SECRET, or the file secrets.ts creates beside the relay's state) — so a replay can be
// told from a reused key without storing a word of it, and a stolen database or backup cannot be
// used to confirm a guessed story offline (issue 22, row 7).
import { createHash, createHmac } from 'node:crypto';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The body's SHA-256 (hex): held in memory for one request, never stored (see `fingerprint`). */
export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

/** Stored fingerprints start with this, then the secret's id, then the HMAC (`v2:<id>:<hex>`). */
export const FINGERPRINT_PREFIX = 'v2:';

export type Fingerprints = {
  /** `v2:<id>:<HMAC(secret, bodyHash)>`, what the idempotency table stores. */
  of(digest: string): string;
  /** The secret's id: 8 hex characters of an HMAC of a constant, so rows keyed by another secret show. */
  id: string;
};

/**
 * Keyed fingerprints of body digests. HMAC over the digest rather than the body: the same strength
 * (the digest is collision-resistant; without the secret nothing can be computed), and it lets a
 * row written before this change — which held the bare digest — be re-keyed in place at start.
 */
export function createFingerprints(secret: string): Fingerprints {
  const hmac = (text: string) => createHmac('sha256', secret).update(text).digest('hex');
  const id = hmac('story-relay: the id of the body fingerprint secret').slice(0, 8);
  return { id, of: (digest) => `${FINGERPRINT_PREFIX}${id}:${hmac(digest)}` };
}
