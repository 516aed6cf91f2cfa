// A relay's export key pair in Node's Web Crypto, as the relay makes one: the public half as
// `GET /relay/export-key` publishes it, the private half to open files with `openStories`.
import { webcrypto } from 'node:crypto';
import type { ExportKey } from '../../../src/domain/fleet/sealedFile.ts';

export const nodeCrypto = webcrypto as unknown as Crypto;

export async function relayKeyPair(kid = 'relay-key-1') {
  const pair = (await nodeCrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const jwk = await nodeCrypto.subtle.exportKey('jwk', pair.publicKey);
  const published: ExportKey = { kid, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } };
  return { published, opener: { kid, privateKey: pair.privateKey } };
}
