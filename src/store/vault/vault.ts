// The vault: holds the data key IN MEMORY ONLY while unlocked, and seals and opens payloads with
// it. The key is stored only wrapped twice (vaultWrap.ts): under the PIN (Argon2id) or the
// recovery code, and under this device's non-extractable key; the PIN operations that open it are
// in vaultAccess.ts.
//
// ⚠ Web Crypto must never run inside an IndexedDB transaction: awaiting crypto.subtle inside one lets
// it auto-commit half done. Every function here is a plain async function that the store calls
// BEFORE opening a transaction (encrypt, then write) or AFTER it has closed (read, then decrypt).
import type { LockProblem } from '../../domain/lock/lockProblem.ts';
import type { SettingsStore } from '../settings/settings.ts';
import { createVaultAccess } from './vaultAccess.ts';
import { open, type RandomBytes, randomBytes, type Sealed, SealedSchema, seal } from './vaultCrypto.ts';
import { type Kdf, prepareKdf, releaseKdf } from './vaultKdf.ts';
import { getVaultRecord } from './vaultKeys.ts';

export { recordAad, type Sealed, SealedSchema } from './vaultCrypto.ts';

export type VaultOptions = {
  /** The idb-keyval device store (src/store/settings/settings.ts). */
  store: SettingsStore;
  /** Tests pass cheap ones; stored wraps keep their own, and a PIN wrap with other ones is re-made at unlock. */
  pinKdf?: Kdf;
  recoveryKdf?: Kdf;
  now?: () => number;
  monotonic?: () => number;
  random?: RandomBytes;
  /** navigator.locks where the browser has it. */
  locks?: Pick<LockManager, 'request'> | null;
};

export type Done = { ok: true } | { ok: false; reason: LockProblem };
export type PinResult = { ok: true; recoveryCode: string } | { ok: false; reason: LockProblem };
/** `mustChangePin`: the PIN was right but no longer meets the rules; nothing opens until it is changed. */
export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: LockProblem; retryAt?: number; mustChangePin?: true };
export type SealResult = { ok: true; sealed: Sealed } | { ok: false; reason: 'locked' };
export type OpenResult = { ok: true; value: unknown } | { ok: false; reason: 'locked' | 'damaged' };

export type Vault = {
  isSetUp(): Promise<boolean>;
  isUnlocked(): boolean;
  /**
   * Starts the PIN's key derivation (its worker, its WebAssembly compiled, its memory claimed) ahead
   * of need: call as the Lock screen shows. Each `lock` does it again; an unlock lets it go.
   */
  prepare(): Promise<void>;
  /** First use: a new data key, wrapped by the PIN and by a new recovery code (returned once). */
  setUp(pin: string): Promise<PinResult>;
  /** A wrong PIN is counted (across reloads) and may impose a wait; nothing is ever wiped. */
  unlock(pin: string): Promise<UnlockResult>;
  /** Whether this is the PIN (counted and waited like an unlock); opens and keeps nothing. */
  checkPin(pin: string): Promise<UnlockResult>;
  /** A new PIN for the same data key (the recovery code stays); unlocks. */
  changePin(oldPin: string, newPin: string): Promise<UnlockResult>;
  /** The recovery code re-wraps the SAME data key under a new PIN (stories stay readable) and a new code. */
  resetPin(recoveryCode: string, newPin: string): Promise<PinResult>;
  /** Whether this is the device's current recovery code (changes nothing). */
  checkRecoveryCode(recoveryCode: string): Promise<Done>;
  /** Drops the data key from memory. */
  lock(): void;
  /**
   * The same encrypt/decrypt bound to the key as it is now, kept by the send queue so sending may
   * go on while the app is locked within this page's life (issue 7). Null while locked.
   */
  session(): Pick<Vault, 'encrypt' | 'decrypt'> | null;
  /** JSON values only. A fresh IV every call; `aad` = the record's id and schema version (recordAad). */
  encrypt(value: unknown, aad: string): Promise<SealResult>;
  decrypt(sealed: unknown, aad: string): Promise<OpenResult>;
};

export function createVault(options: VaultOptions): Vault {
  const random = options.random ?? randomBytes;
  // The unwrapped, non-extractable data key. Lives only in this closure; never stored anywhere.
  let key: CryptoKey | null = null;
  const access = createVaultAccess(options, (opened) => {
    key = opened;
    releaseKdf(); // 46 MiB of WebAssembly memory not held while the app is in use
  });

  return {
    isSetUp: async () => (await getVaultRecord(options.store)) !== null,
    isUnlocked: () => key !== null,
    prepare: prepareKdf,
    ...access,
    lock() {
      key = null;
      prepareKdf().catch(() => undefined); // ready for the PIN that opens it again
    },
    encrypt: (value, aad) => encryptWith(key, value, aad, random),
    decrypt: (sealed, aad) => decryptWith(key, sealed, aad),
    session() {
      const held = key;
      if (!held) return null;
      return {
        encrypt: (value, aad) => encryptWith(held, value, aad, random),
        decrypt: (sealed, aad) => decryptWith(held, sealed, aad),
      };
    },
  };
}

async function encryptWith(
  key: CryptoKey | null,
  value: unknown,
  aad: string,
  random: RandomBytes,
): Promise<SealResult> {
  if (!key) return { ok: false, reason: 'locked' };
  return { ok: true, sealed: await seal(key, value, aad, random) };
}

async function decryptWith(key: CryptoKey | null, sealed: unknown, aad: string): Promise<OpenResult> {
  const parsed = SealedSchema.safeParse(sealed);
  if (!parsed.success) return { ok: false, reason: 'damaged' };
  if (!key) return { ok: false, reason: 'locked' };
  const opened = await open(key, parsed.data, aad);
  return opened ? { ok: true, value: opened.value } : { ok: false, reason: 'damaged' };
}
