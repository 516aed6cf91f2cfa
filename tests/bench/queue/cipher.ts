// The app's AES-GCM sealing (src/store/vault/vaultCrypto.ts) with a fresh in-memory data key, standing in
// for an unlocked vault: the queue bench's payloads are sealed and opened as on a device.
import type { Cipher } from '../../../src/store/vault/cipher.ts';
import {
  generateDataKey,
  open,
  randomBytes,
  SealedSchema,
  seal,
} from '../../../src/store/vault/vaultCrypto.ts';

export async function benchCipher(): Promise<Cipher> {
  const key = await generateDataKey();
  return {
    seal: (value, aad) => seal(key, value, aad, randomBytes),
    async open(stored, aad) {
      const sealed = SealedSchema.safeParse(stored);
      return sealed.success ? (await open(key, sealed.data, aad))?.value : undefined;
    },
    async read(stored, aad) {
      const sealed = SealedSchema.safeParse(stored);
      const opened = sealed.success ? await open(key, sealed.data, aad) : null;
      return opened ? { ok: true, value: opened.value } : { ok: false, reason: 'damaged' };
    },
  };
}
