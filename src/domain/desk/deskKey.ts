// The posting desk's key (issue 27): an ECDH P-256 pair made in the lead's browser. The public half
// goes to the relay for the iPads; the private half goes there only wrapped with a passphrase the
// lead chooses — Argon2id (at least 64 MiB, as memory-hard as the iPad's vault) → AES-256-GCM — so
// the relay, its database and its backups can never open a story. Argon2id is passed in (hash-wasm
// in the desk page; the same in Node's tests), as Web Crypto is.
import * as z from 'zod/mini';
import { fromB64url, toB64url } from '../fleet/sealedFile.ts';
import type { DeskKey } from './deskStory.ts';

export const DESK_KEY_FORMAT = 'story-collector-desk-key/1';

/** Argon2id for the passphrase: 64 MiB, 3 passes, 1 lane (the floor is 64 MiB). */
export const DESK_KDF = { name: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 } as const;
/** The passphrase's shortest length: long enough that its strength is the words, not the hash. */
export const PASSPHRASE_MIN = 12;

export type DeskKdf = { name: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number };
/** One Argon2id hash of 32 bytes. */
export type Argon2 = (passphrase: string, salt: Uint8Array<ArrayBuffer>, kdf: DeskKdf) => Promise<Uint8Array>;

const b64url = () => z.string().check(z.regex(/^[A-Za-z0-9_-]+$/), z.maxLength(2048));
const count = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
/** The wrapped private key as the relay stores it (opaque to the relay). A weaker KDF is refused. */
export const WrappedDeskKeySchema = z.strictObject({
  format: z.literal(DESK_KEY_FORMAT),
  kdf: z.strictObject({
    name: z.literal('argon2id'),
    memoryKiB: count(DESK_KDF.memoryKiB, 4_194_304),
    iterations: count(1, 64),
    parallelism: count(1, 16),
  }),
  salt: b64url(),
  iv: b64url(),
  ciphertext: b64url(),
});
export type WrappedDeskKey = z.infer<typeof WrappedDeskKeySchema>;

/** What a lead sends to set up the desk: `POST /admin/api/desk/key`. */
export type NewDeskKey = DeskKey & { wrapped: WrappedDeskKey };

export type PassphraseProblem = 'too-short' | 'not-the-same';
/** The passphrase rule when the desk is set up (typed twice). */
export function passphraseProblem(passphrase: string, again: string): PassphraseProblem | null {
  if ([...passphrase].length < PASSPHRASE_MIN) return 'too-short';
  return passphrase === again ? null : 'not-the-same';
}

/** Why the desk key did not open: the passphrase (or a changed wrap), or not a wrap of ours. */
export type UnwrapProblem = 'wrong-passphrase' | 'not-a-wrapped-key';

type WebCrypto = typeof globalThis.crypto;
type Key = Awaited<ReturnType<WebCrypto['subtle']['importKey']>>;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** The key's id: its RFC 7638 thumbprint (SHA-256 of the public members, base64url), as the relay's export key. */
export async function thumbprint(crypto: WebCrypto, jwk: { x: string; y: string }): Promise<string> {
  const canonical = JSON.stringify({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return toB64url(new Uint8Array(digest));
}

/** The wrap's header, bound in as additional data: a wrap moved to another kid or KDF does not open. */
const aad = (kid: string, w: Pick<WrappedDeskKey, 'format' | 'kdf' | 'salt'>) =>
  new TextEncoder().encode(JSON.stringify([w.format, kid, w.kdf, w.salt]));

async function wrappingKey(
  crypto: WebCrypto,
  argon2: Argon2,
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  kdf: DeskKdf,
  usage: 'encrypt' | 'decrypt',
): Promise<Key> {
  const raw = await argon2(passphrase.normalize('NFC'), salt, kdf);
  return crypto.subtle.importKey('raw', new Uint8Array(raw), 'AES-GCM', false, [usage]);
}

/** Makes a desk key and wraps its private half with the passphrase: what the relay is given. */
export async function makeDeskKey(
  crypto: WebCrypto,
  argon2: Argon2,
  passphrase: string,
): Promise<NewDeskKey> {
  const pair = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as {
    publicKey: Key;
    privateKey: Key;
  };
  const pub = (await crypto.subtle.exportKey('jwk', pair.publicKey)) as { x: string; y: string };
  const jwk = { kty: 'EC' as const, crv: 'P-256' as const, x: pub.x, y: pub.y };
  const kid = await thumbprint(crypto, jwk);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = { format: DESK_KEY_FORMAT, kdf: { ...DESK_KDF }, salt: toB64url(salt) } as const;
  const key = await wrappingKey(crypto, argon2, passphrase, salt, DESK_KDF, 'encrypt');
  const plain = new TextEncoder().encode(JSON.stringify({ d: privateJwk.d }));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(kid, head) },
    key,
    plain,
  );
  return {
    kid,
    jwk,
    wrapped: { ...head, iv: toB64url(iv), ciphertext: toB64url(new Uint8Array(ciphertext)) },
  };
}

/** Opens the wrapped private key with the passphrase: a key that can open desk stories, or a code. */
export async function unwrapDeskKey(
  crypto: WebCrypto,
  argon2: Argon2,
  stored: DeskKey & { wrapped: unknown },
  passphrase: string,
): Promise<{ ok: true; privateKey: Key } | { ok: false; problem: UnwrapProblem }> {
  const wrapped = WrappedDeskKeySchema.safeParse(stored.wrapped);
  if (!wrapped.success) return { ok: false, problem: 'not-a-wrapped-key' };
  const w = wrapped.data;
  let d: unknown;
  try {
    const key = await wrappingKey(crypto, argon2, passphrase, fromB64url(w.salt), w.kdf, 'decrypt');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64url(w.iv), additionalData: aad(stored.kid, w) },
      key,
      fromB64url(w.ciphertext),
    );
    d = (JSON.parse(new TextDecoder().decode(plain)) as { d?: unknown }).d;
  } catch {
    // AES-GCM's tag failed: another passphrase, or a changed wrap (the same to the lead)
    return { ok: false, problem: 'wrong-passphrase' };
  }
  if (typeof d !== 'string') return { ok: false, problem: 'not-a-wrapped-key' };
  const { x, y } = stored.jwk;
  try {
    const privateKey = await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x, y, d },
      ECDH,
      false,
      ['deriveBits'],
    );
    return { ok: true, privateKey };
  } catch {
    // the private half does not belong to this public key
    return { ok: false, problem: 'not-a-wrapped-key' };
  }
}
