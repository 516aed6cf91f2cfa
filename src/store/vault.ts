// The vault: sets up and checks the PIN, and holds the data key IN MEMORY ONLY while unlocked.
//
// ⚠ Web Crypto must never run inside an IndexedDB transaction: awaiting crypto.subtle inside one lets
// it auto-commit half done. Every function here is a plain async function that the store calls
// BEFORE opening a transaction (encrypt, then write) or AFTER it has closed (read, then decrypt).
import { describeLockout, describeWrongPin } from '../domain/lockWords.ts';
import {
  checkPin,
  checkRecoveryCode,
  lockoutUntil,
  RECOVERY_BYTES,
  recoveryCodeFromBytes,
} from '../domain/pin.ts';
import type { SettingsStore } from './settings.ts';
import {
  generateDataKey,
  open,
  type RandomBytes,
  randomBytes,
  type Sealed,
  SealedSchema,
  seal,
  unwrapDataKey,
  unwrapWithSecret,
  wrapDataKey,
} from './vaultCrypto.ts';
import {
  getLockout,
  getVaultRecord,
  saveLockout,
  saveVaultRecord,
  VAULT_VERSION,
  type VaultRecord,
} from './vaultKeys.ts';

export { type Sealed, SealedSchema } from './vaultCrypto.ts';

/** OWASP (2023) for PBKDF2-HMAC-SHA256. Tests pass a small number; stored records keep their own. */
export const PBKDF2_ITERATIONS = 600_000;

export type VaultOptions = {
  /** The idb-keyval device store (src/store/settings.ts). */
  store: SettingsStore;
  iterations?: number;
  now?: () => number;
  random?: RandomBytes;
};

export type PinResult = { ok: true; recoveryCode: string } | { ok: false; reason: string };
export type UnlockResult = { ok: true } | { ok: false; reason: string; retryAt?: number };
export type SealResult = { ok: true; sealed: Sealed } | { ok: false; reason: 'locked' };
export type OpenResult = { ok: true; value: unknown } | { ok: false; reason: 'locked' | 'damaged' };

export type Vault = {
  isSetUp(): Promise<boolean>;
  isUnlocked(): boolean;
  /** First use: a new data key, wrapped by the PIN and by a new recovery code (returned once). */
  setUp(pin: string): Promise<PinResult>;
  /** A wrong PIN is counted (across reloads) and may impose a wait; nothing is ever wiped. */
  unlock(pin: string): Promise<UnlockResult>;
  /** The recovery code re-wraps the SAME data key under a new PIN (stories stay readable) and a new code. */
  resetPin(recoveryCode: string, newPin: string): Promise<PinResult>;
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

/** Additional data binding a payload to its record, so a payload copied to another record won't open. */
export function recordAad(id: string, schemaVersion: string | number): string {
  return `${id}|${schemaVersion}`;
}

const NOT_SET_UP = { ok: false, reason: 'No PIN has been set on this device yet.' } as const;

export function createVault(options: VaultOptions): Vault {
  const { store, iterations = PBKDF2_ITERATIONS, now = Date.now, random = randomBytes } = options;
  // The unwrapped, non-extractable data key. Lives only in this closure; never stored anywhere.
  let key: CryptoKey | null = null;

  /**
   * Wraps `extractable` under the PIN and a new recovery code, stores only the wrapped forms, then
   * keeps a NON-extractable copy (unwrapped again with the PIN's wrapping key). The caller drops
   * `extractable` straight after, so the raw key is never readable once this returns.
   */
  async function wrapAndKeep(extractable: CryptoKey, pin: string): Promise<PinResult> {
    const recoveryCode = recoveryCodeFromBytes(random(RECOVERY_BYTES));
    const [byPin, byCode] = await Promise.all([
      wrapDataKey(extractable, pin, iterations, random),
      wrapDataKey(extractable, recoveryCode, iterations, random),
    ]);
    const record: VaultRecord = {
      version: VAULT_VERSION,
      pin: byPin.wrappedKey,
      recovery: byCode.wrappedKey,
    };
    try {
      await saveVaultRecord(store, record);
      await saveLockout(store, { failures: 0, lastFailureAt: 0 });
    } catch {
      return { ok: false, reason: 'The PIN could not be saved on this device. Please try again.' };
    }
    const kept = await unwrapDataKey(byPin.wrappedKey.wrapped, byPin.wrappingKey, false);
    if (!kept) throw new Error('the data key just wrapped did not unwrap'); // a bug, not a wrong PIN
    key = kept;
    return { ok: true, recoveryCode };
  }

  async function unlock(pin: string): Promise<UnlockResult> {
    if (pin === '') return { ok: false, reason: 'Enter the PIN.' };
    const record = await getVaultRecord(store);
    if (!record) return NOT_SET_UP;
    const lockout = await getLockout(store);
    const t = now();
    // A clock turned back must not stretch the wait: a failure "in the future" counts as now.
    const waitUntil = lockoutUntil(lockout.failures, Math.min(lockout.lastFailureAt, t));
    if (waitUntil !== null && t < waitUntil)
      return { ok: false, reason: describeLockout(waitUntil, t), retryAt: waitUntil };
    const unwrapped = await unwrapWithSecret(record.pin, pin, false);
    if (unwrapped) {
      key = unwrapped;
      if (lockout.failures > 0) await saveLockout(store, { failures: 0, lastFailureAt: 0 });
      return { ok: true };
    }
    const failedAt = now();
    const failures = lockout.failures + 1;
    await saveLockout(store, { failures, lastFailureAt: failedAt });
    const retryAt = lockoutUntil(failures, failedAt);
    const reason = describeWrongPin(failures, retryAt, failedAt);
    return retryAt === null ? { ok: false, reason } : { ok: false, reason, retryAt };
  }

  async function setUp(pin: string): Promise<PinResult> {
    const checked = checkPin(pin);
    if (!checked.ok) return checked;
    if (await getVaultRecord(store))
      return {
        ok: false,
        reason: 'A PIN is already set on this device. Use "Forgotten PIN?" to choose a new one.',
      };
    return wrapAndKeep(await generateDataKey(), pin);
  }

  async function resetPin(recoveryCode: string, newPin: string): Promise<PinResult> {
    const code = checkRecoveryCode(recoveryCode);
    if (!code.ok) return code;
    const pin = checkPin(newPin);
    if (!pin.ok) return pin;
    const record = await getVaultRecord(store);
    if (!record) return NOT_SET_UP;
    // Extractable only for the moment it takes to re-wrap it; wrapAndKeep keeps a non-extractable copy.
    const extractable = await unwrapWithSecret(record.recovery, code.code, true);
    if (!extractable)
      return {
        ok: false,
        reason: "That recovery code is not right. Check it with your organisation's Care Opinion lead.",
      };
    return wrapAndKeep(extractable, newPin);
  }

  return {
    isSetUp: async () => (await getVaultRecord(store)) !== null,
    isUnlocked: () => key !== null,
    setUp,
    unlock,
    resetPin,
    lock() {
      key = null;
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
