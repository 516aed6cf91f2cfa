// A relay's export key pair in Node's Web Crypto, as the relay makes one: the public half as
// `GET /relay/export-key` publishes it, the private half to open files with `openStories`.
import { webcrypto } from 'node:crypto';
import type { ExportKey } from '../../../src/domain/fleet/sealedFile.ts';

/** A fixed published key (a valid P-256 point) for tests that only keep or compare one. */
export const PUBLISHED_KEY: ExportKey = {
  kid: 'relay-key-1',
  jwk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  },
};

export const nodeCrypto = webcrypto as unknown as Crypto;

export async function relayKeyPair(kid = 'relay-key-1') {
  const pair = (await nodeCrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const jwk = await nodeCrypto.subtle.exportKey('jwk', pair.publicKey);
  const published: ExportKey = { kid, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x ?? '', y: jwk.y ?? '' } };
  return { published, opener: { kid, privateKey: pair.privateKey } };
}
