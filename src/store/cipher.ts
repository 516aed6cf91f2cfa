// The seam between the story store and the vault: every personal payload is sealed before a
// transaction opens and opened after it closes (Web Crypto inside a transaction would let it
// auto-commit half done). Rows written before encryption existed are read as they are, once,
// until the task after the first unlock seals them (encryptLegacyRows).
import { recordAad, type Sealed, SealedSchema } from './vaultCrypto.ts';

export type Cipher = {
  seal(value: unknown, aad: string): Promise<Sealed>;
  /** The sealed value opened, or `undefined` when it cannot be (locked, damaged, wrong record). */
  open(stored: unknown, aad: string): Promise<unknown>;
};

/** Additional data per kind of record: a payload copied to another record or table won't open. */
export const storyAad = (id: string) => recordAad(`story:${id}`, 1);
export const outboxAad = (id: string) => recordAad(`outbox:${id}`, 1);
export const receiptAad = (id: string) => recordAad(`receipt:${id}`, 1);
/** The device's settings (src/store/settings.ts): one record. */
export const settingsAad = recordAad('settings', 1);

export function isSealed(value: unknown): value is Sealed {
  return SealedSchema.safeParse(value).success;
}

/** Opens a stored payload; a plain (pre-encryption) object is returned as it is. */
export async function openPayload(cipher: Cipher, stored: unknown, aad: string): Promise<unknown> {
  if (isSealed(stored)) return cipher.open(stored, aad);
  return stored;
}

export class LockedError extends Error {
  override name = 'LockedError';
}

type VaultLike = {
  encrypt(value: unknown, aad: string): Promise<{ ok: true; sealed: Sealed } | { ok: false; reason: string }>;
  decrypt(
    sealed: unknown,
    aad: string,
  ): Promise<{ ok: true; value: unknown } | { ok: false; reason: string }>;
};

/** A cipher over the vault: sealing while locked throws LockedError (the caller keeps the draft). */
export function vaultCipher(vault: VaultLike): Cipher {
  return {
    async seal(value, aad) {
      const result = await vault.encrypt(value, aad);
      if (!result.ok) throw new LockedError('the app is locked');
      return result.sealed;
    },
    async open(stored, aad) {
      const result = await vault.decrypt(stored, aad);
      return result.ok ? result.value : undefined;
    },
  };
}
