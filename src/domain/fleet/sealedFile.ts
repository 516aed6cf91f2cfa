// The sealed file of unsent stories (issue 26): written on an iPad, opened only by the relay it is
// sealed to. An ephemeral ECDH P-256 key agrees a secret with the relay's export key; HKDF-SHA-256
// (a fresh salt, the format and key id as info) makes an AES-256-GCM key; the envelope's header is
// the additional data, so a changed kid, key or salt fails to open like a flipped byte does. Web
// Crypto only, passed in (the browser's or Node's `crypto`), so the same code seals on an iPad and
// opens on the relay. Without the relay's private key the file opens to nothing: it holds no
// plaintext of any field, only the format, the key id and the ciphertext.
import * as z from 'zod/mini';
import { QueuedStorySchema } from '../story/submission.ts';

export const SEALED_FORMAT = 'story-collector-sealed-stories/1';
/** The file's name on the iPad and the type it is shared as. */
export const SEALED_FILE_TYPE = 'application/octet-stream';
export const SEALED_FILE_EXTENSION = '.sealed';
/** The relay's import takes at most this many bytes (the body limit). */
export const SEALED_FILE_MAX_BYTES = 10 * 1024 * 1024;

const b64url = () => z.string().check(z.regex(/^[A-Za-z0-9_-]+$/));

/** The relay's export key as it publishes it: `GET /api/v2/relay/export-key`. */
export const ExportKeySchema = z.strictObject({
  kid: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)),
  jwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url(), y: b64url() }),
});
export type ExportKey = z.infer<typeof ExportKeySchema>;

const EnvelopeSchema = z.strictObject({
  format: z.string().check(z.maxLength(64)),
  kid: z.string().check(z.maxLength(64)),
  epk: z.strictObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url(), y: b64url() }),
  salt: b64url(),
  iv: b64url(),
  ciphertext: b64url(),
});
type Envelope = z.infer<typeof EnvelopeSchema>;

/** One story as the file carries it: its own idempotency key and the body the queue would send. */
export const SealedStorySchema = z.strictObject({
  idempotencyKey: z.string().check(z.minLength(1), z.maxLength(200)),
  body: z.unknown(),
});
export const SealedContentsSchema = z.strictObject({
  deviceId: z.string().check(z.minLength(1), z.maxLength(200)),
  createdAt: z.iso.datetime({ offset: true }),
  stories: z.array(SealedStorySchema),
});
export type SealedContents = {
  deviceId: string;
  createdAt: string;
  stories: { idempotencyKey: string; body: unknown }[];
};

/** Why a file did not open — a code; never a word of its contents. */
export type OpenProblem = 'not-a-sealed-file' | 'another-relay' | 'does-not-open' | 'contents-invalid';
export type Opened = { ok: true; contents: SealedContents } | { ok: false; problem: OpenProblem };

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

// Web Crypto as both the browser and Node's `webcrypto` type it (the relay compiles without the DOM).
type WebCrypto = typeof globalThis.crypto;
type Key = Awaited<ReturnType<WebCrypto['subtle']['importKey']>>;
type Jwk = { kty?: string; crv?: string; x?: string; y?: string };

export function toB64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function fromB64url(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

const publicPart = (jwk: Jwk) => ({
  kty: 'EC' as const,
  crv: 'P-256' as const,
  x: jwk.x ?? '',
  y: jwk.y ?? '',
});
/** The header bound into the ciphertext as AES-GCM's additional data. */
const header = (e: Omit<Envelope, 'iv' | 'ciphertext'>) =>
  new TextEncoder().encode(JSON.stringify([e.format, e.kid, e.epk.x, e.epk.y, e.salt]));

async function aesKey(
  crypto: WebCrypto,
  privateKey: Key,
  publicJwk: Jwk,
  salt: Uint8Array<ArrayBuffer>,
  info: string,
  usage: 'encrypt' | 'decrypt',
): Promise<Key> {
  const peer = await crypto.subtle.importKey('jwk', publicPart(publicJwk), ECDH, false, []);
  const secret = await crypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256);
  const hkdf = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode(info) },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/**
 * Seals a JSON value to a published P-256 key under `format`: an ephemeral key, a fresh salt and iv,
 * the header (format, kid, the ephemeral key, the salt) as additional data. The one envelope the
 * sealed file (issue 26) and the posting desk's stories (issue 27, `domain/desk`) share.
 */
export async function sealJson(
  crypto: WebCrypto,
  to: ExportKey,
  format: string,
  value: unknown,
): Promise<Uint8Array> {
  const ephemeral = (await crypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as {
    publicKey: Key;
    privateKey: Key;
  };
  const epk = publicPart(await crypto.subtle.exportKey('jwk', ephemeral.publicKey));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const head = { format, kid: to.kid, epk, salt: toB64url(salt) };
  const key = await aesKey(crypto, ephemeral.privateKey, to.jwk, salt, `${format} ${to.kid}`, 'encrypt');
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: header(head) }, key, plain),
  );
  const envelope: Envelope = { ...head, iv: toB64url(iv), ciphertext: toB64url(sealed) };
  return new TextEncoder().encode(JSON.stringify(envelope));
}

/** Why an envelope did not open: not one (of this format), sealed to another key, changed, or not JSON inside. */
export type EnvelopeProblem = 'not-sealed' | 'another-key' | 'does-not-open' | 'not-json';

/** Opens an envelope of `format` with the private key `kid` names: the JSON inside, or a code. */
export async function openJson(
  crypto: WebCrypto,
  key: { kid: string; privateKey: Key },
  format: string,
  bytes: Uint8Array,
): Promise<{ ok: true; value: unknown } | { ok: false; problem: EnvelopeProblem }> {
  let envelope: Envelope;
  try {
    const parsed = EnvelopeSchema.safeParse(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    );
    if (!parsed.success || parsed.data.format !== format) return { ok: false, problem: 'not-sealed' };
    envelope = parsed.data;
  } catch {
    // not UTF-8 or not JSON: not one of ours
    return { ok: false, problem: 'not-sealed' };
  }
  if (envelope.kid !== key.kid) return { ok: false, problem: 'another-key' };
  let plain: ArrayBuffer;
  try {
    const salt = fromB64url(envelope.salt);
    const info = `${format} ${envelope.kid}`;
    const aes = await aesKey(crypto, key.privateKey, envelope.epk, salt, info, 'decrypt');
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromB64url(envelope.iv), additionalData: header(envelope) },
      aes,
      fromB64url(envelope.ciphertext),
    );
  } catch {
    // the key agreement or AES-GCM's tag failed: another key, or a changed byte
    return { ok: false, problem: 'does-not-open' };
  }
  try {
    return { ok: true, value: JSON.parse(new TextDecoder().decode(plain)) };
  } catch {
    // opened, but not JSON: sealed by something that is not the app
    return { ok: false, problem: 'not-json' };
  }
}

/** Seals the contents to the relay's export key: the file's bytes (a small JSON envelope). */
export function sealStories(crypto: WebCrypto, to: ExportKey, contents: SealedContents): Promise<Uint8Array> {
  return sealJson(crypto, to, SEALED_FORMAT, contents);
}

const FILE_PROBLEM: Record<EnvelopeProblem, OpenProblem> = {
  'not-sealed': 'not-a-sealed-file',
  'another-key': 'another-relay',
  'does-not-open': 'does-not-open',
  'not-json': 'contents-invalid',
};

/**
 * Opens a file with the relay's private key (`kid` its id). Anything that is not a sealed file, one
 * sealed to another key, or one changed by a single byte, is refused with a code; the stories' bodies
 * are checked by the caller with the `/opinions` schema, one by one, so one bad story refuses only itself.
 */
export async function openStories(
  crypto: WebCrypto,
  key: { kid: string; privateKey: Key },
  bytes: Uint8Array,
): Promise<Opened> {
  const opened = await openJson(crypto, key, SEALED_FORMAT, bytes);
  if (!opened.ok) return { ok: false, problem: FILE_PROBLEM[opened.problem] };
  const contents = SealedContentsSchema.safeParse(opened.value);
  if (!contents.success) return { ok: false, problem: 'contents-invalid' };
  return { ok: true, contents: contents.data as SealedContents };
}

/** Checks one opened story's body with the `/opinions` schema. */
export const storyBodyIsValid = (body: unknown) => QueuedStorySchema.safeParse(body).success;
