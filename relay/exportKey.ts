// The relay's export key (issue 26): an ECDH P-256 key pair iPads seal their unsent stories to.
// RELAY_EXPORT_KEY (a private JWK) when set; else made at first start and kept in the database,
// its private half sealed with AES-256-GCM under a key derived (HKDF-SHA-256) from the fingerprint
// secret — which is kept outside the database — so a stolen database or backup opens no file.
// Several instances agree on one key: each offers a new one with an insert-if-absent, then all
// read back the row that won.
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, webcrypto } from 'node:crypto';
import { ConfigError, type PrivateJwk, PrivateJwkSchema } from './config.ts';
import type { RelayDb } from './db/database.ts';
import type { ExportKey } from './shared.ts';

/** Node's Web Crypto, typed as the shared sealed-file code takes it. */
export const webCrypto = webcrypto as unknown as typeof globalThis.crypto;
type Key = Awaited<ReturnType<typeof webCrypto.subtle.importKey>>;

export type LoadedExportKey = ExportKey & { privateKey: Key; source: 'setting' | 'database' };

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ROW = 'current';
/** HKDF's info: this key is for the export key at rest and nothing else made from the secret. */
const AT_REST_INFO = 'story-relay: the export key at rest';
const SEALED_PREFIX = 'v1';

const publicJwk = (jwk: { x: string; y: string }) => ({
  kty: 'EC' as const,
  crv: 'P-256' as const,
  x: jwk.x,
  y: jwk.y,
});

/** The key's id: its RFC 7638 thumbprint (SHA-256 of the public members, base64url: 43 characters). */
export function thumbprint(jwk: { x: string; y: string }): string {
  const canonical = JSON.stringify({ crv: 'P-256', kty: 'EC', x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

function atRestKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, AT_REST_INFO, 32));
}

/** `v1.<salt>.<iv>.<ciphertext and tag>`: the private JWK sealed, the key id as additional data. */
export function sealPrivate(jwk: PrivateJwk, kid: string, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', atRestKey(secret, salt), iv);
  cipher.setAAD(Buffer.from(kid));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(jwk)), cipher.final(), cipher.getAuthTag()]);
  return [SEALED_PREFIX, salt, iv, sealed]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The private JWK, or null when it was sealed under another secret (or the row was changed). */
export function openPrivate(text: string, kid: string, secret: string): PrivateJwk | null {
  const [prefix, ...parts] = text.split('.');
  if (prefix !== SEALED_PREFIX || parts.length !== 3) return null;
  const [salt, iv, sealed] = parts.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
  try {
    const decipher = createDecipheriv('aes-256-gcm', atRestKey(secret, salt), iv);
    decipher.setAAD(Buffer.from(kid));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    return PrivateJwkSchema.parse(JSON.parse(plain.toString('utf8')));
  } catch {
    return null; // the tag did not check: another secret
  }
}

async function importPrivate(jwk: PrivateJwk): Promise<Key> {
  const { kty, crv, x, y, d } = jwk;
  return webCrypto.subtle.importKey('jwk', { kty, crv, x, y, d }, ECDH, false, ['deriveBits']);
}

async function newPrivateJwk(): Promise<PrivateJwk> {
  const pair = (await webCrypto.subtle.generateKey(ECDH, true, ['deriveBits'])) as { privateKey: Key };
  return PrivateJwkSchema.parse(await webCrypto.subtle.exportKey('jwk', pair.privateKey));
}

/**
 * The export key at start: RELAY_EXPORT_KEY (a ConfigError if it does not import), else the
 * database's, made now if there is none. Null when the database's was sealed under another
 * fingerprint secret: the relay still forwards stories, and says so (README.md, "The export key").
 */
export async function loadExportKey(
  { db }: RelayDb,
  setting: PrivateJwk | undefined,
  secret: string,
  now: () => number,
): Promise<LoadedExportKey | null> {
  if (setting) {
    let privateKey: Key;
    try {
      privateKey = await importPrivate(setting);
    } catch {
      throw new ConfigError('RELAY_EXPORT_KEY is not a usable EC P-256 private key (relay/README.md)');
    }
    return { kid: thumbprint(setting), jwk: publicJwk(setting), privateKey, source: 'setting' };
  }
  const read = () => db.selectFrom('export_keys').selectAll().where('name', '=', ROW).executeTakeFirst();
  let row = await read();
  if (!row) {
    const offered = await newPrivateJwk();
    const kid = thumbprint(offered);
    await db
      .insertInto('export_keys')
      .values({
        name: ROW,
        kid,
        public_jwk: JSON.stringify(publicJwk(offered)),
        private_sealed: sealPrivate(offered, kid, secret),
        created_at: now(),
      })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await read(); // ours, or the one another instance made first
  }
  const jwk = row ? openPrivate(row.private_sealed, row.kid, secret) : null;
  if (!row || !jwk || thumbprint(jwk) !== row.kid) return null;
  return { kid: row.kid, jwk: publicJwk(jwk), privateKey: await importPrivate(jwk), source: 'database' };
}
