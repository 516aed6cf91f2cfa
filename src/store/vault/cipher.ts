// The seam between the story store and the vault: every personal payload is sealed before a
// transaction opens and opened after it closes (Web Crypto inside a transaction would let it
// auto-commit half done). There is no plaintext path: a payload that is not sealed is damaged.
import { recordAad, type Sealed, SealedSchema } from './vaultCrypto.ts';

export type Opened = { ok: true; value: unknown } | { ok: false; reason: 'locked' | 'damaged' };

export type Cipher = {
  seal(value: unknown, aad: string): Promise<Sealed>;
  /** The sealed value opened, or `undefined` when it cannot be (locked, damaged, wrong record). */
  open(stored: unknown, aad: string): Promise<unknown>;
  /** The same, saying why not: a locked vault is not a damaged story. */
  read(stored: unknown, aad: string): Promise<Opened>;
};

/** Additional data per kind of record: a payload copied to another record or table won't open. */
export const storyAad = (id: string) => recordAad(`story:${id}`, 1);
export const outboxAad = (id: string) => recordAad(`outbox:${id}`, 1);
export const receiptAad = (id: string) => recordAad(`receipt:${id}`, 1);
/** Where an outbox entry's first request went, and what the server refused in it. */
export const destinationAad = (id: string) => recordAad(`outbox-destination:${id}`, 1);
export const problemsAad = (id: string) => recordAad(`outbox-problems:${id}`, 1);
/** An outbox entry's request body for the posting desk (issue 27), frozen at its first try. */
export const deskAad = (id: string) => recordAad(`outbox-desk:${id}`, 1);
/** Home's row of a story: its title and services, sealed apart from the story itself. */
export const summaryAad = (id: string) => recordAad(`summary:${id}`, 1);
/** The device's settings (src/store/settings/settings.ts): one record. */
export const settingsAad = recordAad('settings', 1);

export function isSealed(value: unknown): value is Sealed {
  return SealedSchema.safeParse(value).success;
}

/** Opens a stored payload; anything unsealed (forged, or from before encryption) is damaged. */
export function readPayload(cipher: Cipher, stored: unknown, aad: string): Promise<Opened> {
  if (!isSealed(stored)) return Promise.resolve({ ok: false, reason: 'damaged' });
  return cipher.read(stored, aad);
}

/** The opened value, or undefined when it cannot be opened (for lists, where why does not matter). */
export async function openPayload(cipher: Cipher, stored: unknown, aad: string): Promise<unknown> {
  const opened = await readPayload(cipher, stored, aad);
  return opened.ok ? opened.value : undefined;
}

export class LockedError extends Error {
  override name = 'LockedError';
}

type VaultLike = {
  encrypt(value: unknown, aad: string): Promise<{ ok: true; sealed: Sealed } | { ok: false; reason: string }>;
  decrypt(sealed: unknown, aad: string): Promise<Opened>;
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
    read: (stored, aad) => vault.decrypt(stored, aad),
  };
}
