// Issue 27's calls as an iPad and the lead make them: a desk key made as the lead's browser would
// (Web Crypto's exported public JWK, a wrapped private key the relay never opens), a story sealed
// with real AES-GCM so the relay holds real ciphertext, and the desk routes.
import { randomBytes, randomUUID, webcrypto } from 'node:crypto';
import type { WaitingStory } from '../../../relay/desk.ts';
import { thumbprint } from '../../../relay/exportKey.ts';
import { admin } from './harness.ts';

const subtle = webcrypto.subtle;

export type DeskKeyBody = { kid: string; jwk: Record<string, unknown>; wrapped: unknown };

/** A desk key pair's public JWK as `exportKey('jwk')` gives it (ext, key_ops and all), and its private JWK. */
export async function newDeskKey(): Promise<{ body: DeskKeyBody; privateJwk: Record<string, unknown> }> {
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const jwk = (await subtle.exportKey('jwk', pair.publicKey)) as { x: string; y: string };
  const privateJwk = (await subtle.exportKey('jwk', pair.privateKey)) as Record<string, unknown>;
  const wrapped = {
    format: 'desk-key-wrapped/1',
    kdf: { name: 'argon2id', memoryKiB: 65_536, iterations: 3, salt: randomBytes(16).toString('base64url') },
    iv: randomBytes(12).toString('base64url'),
    ciphertext: randomBytes(180).toString('base64url'),
  };
  return { body: { kid: thumbprint(jwk), jwk, wrapped }, privateJwk };
}

export function setDeskKey(relay: { url: string }, body: unknown, query = '') {
  return admin(relay, `/desk/key${query}`, { method: 'POST', body: JSON.stringify(body) });
}

/** Any AES-256-GCM (a fresh key, thrown away): real ciphertext of the text, base64url. */
export async function sealText(text: string): Promise<string> {
  const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = randomBytes(12);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  return Buffer.concat([iv, Buffer.from(sealed)]).toString('base64url');
}

export function sendToDesk(
  relay: { url: string },
  token: string,
  body: unknown,
  key: string = randomUUID(),
): Promise<Response> {
  return fetch(`${relay.url}/api/v2/desk/stories`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function deskStatus(relay: { url: string }, token: string, keys: string[]): Promise<Response> {
  return fetch(`${relay.url}/api/v2/desk/stories/status?keys=${keys.join(',')}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

export function withdraw(relay: { url: string }, token: string, key: string): Promise<Response> {
  return fetch(`${relay.url}/api/v2/desk/stories/${key}`, {
    method: 'DELETE',
    headers: { Authorization: `Bearer ${token}` },
  });
}

export function markPosted(relay: { url: string }, id: string, storyAddress: string): Promise<Response> {
  return admin(relay, `/desk/stories/${id}/posted`, {
    method: 'POST',
    body: JSON.stringify({ storyAddress }),
  });
}

/** What the desk lists, as the relay types it. */
export type Waiting = WaitingStory;

export async function waitingAtDesk(relay: { url: string }): Promise<Waiting[]> {
  const res = await admin(relay, '/desk/stories');
  if (res.status !== 200) throw new Error(`desk stories answered ${res.status}`);
  return (await res.json()) as Waiting[];
}
