// The vault: sets up and checks the PIN, and holds the data key IN MEMORY ONLY while unlocked.
// The key is stored only wrapped twice (vaultWrap.ts): under the PIN (Argon2id) or the recovery
// code, and under this device's non-extractable key. Every change to the stored record runs under
// one Web Lock, and set-up also compares-and-sets, so two windows can never each keep a key.
//
// ⚠ Web Crypto must never run inside an IndexedDB transaction: awaiting crypto.subtle inside one lets
// it auto-commit half done. Every function here is a plain async function that the store calls
// BEFORE opening a transaction (encrypt, then write) or AFTER it has closed (read, then decrypt).
import { describeLockout, describeWrongPin } from '../domain/lockWords.ts';
import { checkPin, checkRecoveryCode, RECOVERY_BYTES, recoveryCodeFromBytes } from '../domain/pin.ts';
import { ensureDeviceKey, getDeviceKey } from './deviceKey.ts';
import { createLockoutGate } from './lockout.ts';
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
} from './vaultCrypto.ts';
import { isWeaker, type Kdf, PIN_KDF, prepareKdf, RECOVERY_KDF } from './vaultKdf.ts';
import {
  getVaultRecord,
  type StoredVault,
  saveFirstVaultRecord,
  saveVaultRecord,
  type VaultRecord,
} from './vaultKeys.ts';
import { innerLayer, layerLegacyRecovery, unwrapInner, wrapTwice } from './vaultWrap.ts';

export { recordAad, type Sealed, SealedSchema } from './vaultCrypto.ts';

export type VaultOptions = {
  /** The idb-keyval device store (src/store/settings.ts). */
  store: SettingsStore;
  /** Tests pass cheap ones; stored wraps keep their own, and weaker ones are re-made at unlock. */
  pinKdf?: Kdf;
  recoveryKdf?: Kdf;
  now?: () => number;
  monotonic?: () => number;
  random?: RandomBytes;
  /** navigator.locks where the browser has it. */
  locks?: Pick<LockManager, 'request'> | null;
};

export type Done = { ok: true } | { ok: false; reason: string };
export type PinResult = { ok: true; recoveryCode: string } | { ok: false; reason: string };
/** `mustChangePin`: the PIN was right but no longer meets the rules; nothing opens until it is changed. */
export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: string; retryAt?: number; mustChangePin?: true };
export type SealResult = { ok: true; sealed: Sealed } | { ok: false; reason: 'locked' };
export type OpenResult = { ok: true; value: unknown } | { ok: false; reason: 'locked' | 'damaged' };

export type Vault = {
  isSetUp(): Promise<boolean>;
  isUnlocked(): boolean;
  /** Loads the PIN's key derivation ahead of need (call while the Lock screen is up). */
  prepare(): Promise<void>;
  /** First use: a new data key, wrapped by the PIN and by a new recovery code (returned once). */
  setUp(pin: string): Promise<PinResult>;
  /** A wrong PIN is counted (across reloads) and may impose a wait; nothing is ever wiped. */
  unlock(pin: string): Promise<UnlockResult>;
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

const NOT_SET_UP = { ok: false, reason: 'No PIN has been set on this device yet.' } as const;
const ALREADY_SET = {
  ok: false,
  reason:
    'A PIN is already set on this device (perhaps in another window). Use it, or "Forgotten PIN?" to choose a new one.',
} as const;
const NO_DEVICE_KEY = {
  ok: false,
  reason:
    "This browser's own key for the app is missing or has changed, so what is stored here cannot be opened.",
} as const;
const NOT_SAVED = {
  ok: false,
  reason: 'The PIN could not be saved on this device. Please try again.',
} as const;
const WRONG_CODE = {
  ok: false,
  reason: "That recovery code is not right. Check it with your organisation's Care Opinion lead.",
} as const;

type Opened = { ok: true; key: CryptoKey; extractable: boolean; record: StoredVault; device: CryptoKey };

export function createVault(options: VaultOptions): Vault {
  const {
    store,
    pinKdf = PIN_KDF,
    recoveryKdf = RECOVERY_KDF,
    now = Date.now,
    random = randomBytes,
  } = options;
  const monotonic = options.monotonic ?? (() => performance.now());
  const locks = options.locks === undefined ? globalThis.navigator?.locks : options.locks;
  const gate = createLockoutGate(store, { now, monotonic }, random);
  // The unwrapped, non-extractable data key. Lives only in this closure; never stored anywhere.
  let key: CryptoKey | null = null;

  const exclusive = <T>(run: () => Promise<T>): Promise<T> =>
    locks ? locks.request('story-collector-vault', run) : run();
  const deviceFor = (record: StoredVault) =>
    record.version === 1 ? ensureDeviceKey(store) : getDeviceKey(store);
  const needsRewrap = (record: StoredVault) => record.version === 1 || isWeaker(record.pin.kdf, pinKdf);

  /**
   * Stores `record` (only if none is there, for `first`), then keeps the data key only if the
   * STORED wrap is ours and opens: nothing is sealed under a key that is not the stored one.
   */
  async function saveAndKeep(
    record: VaultRecord,
    wrappingKey: CryptoKey,
    device: CryptoKey,
    first: boolean,
  ): Promise<Done> {
    try {
      await (first ? saveFirstVaultRecord(store, record) : saveVaultRecord(store, record));
    } catch {
      return NOT_SAVED;
    }
    const stored = await getVaultRecord(store);
    if (stored?.version !== 2 || !sameBytes(stored.pin.salt, record.pin.salt))
      return first ? ALREADY_SET : NOT_SAVED;
    const inner = await innerLayer(stored, 'pin', device);
    const kept = inner && (await unwrapDataKey(inner.wrapped, wrappingKey, false));
    if (!kept) return NOT_SAVED;
    key = kept;
    return { ok: true };
  }

  /** Opens the data key with the PIN, honouring and counting the wrong-PIN waits. */
  async function openWithPin(pin: string, extractable: boolean): Promise<Opened | UnlockResult> {
    if (pin === '') return { ok: false, reason: 'Enter the PIN.' };
    const record = await getVaultRecord(store);
    if (!record) return NOT_SET_UP;
    const device = await deviceFor(record);
    if (!device) return NO_DEVICE_KEY;
    const waitUntil = await gate.waitUntil(device);
    if (waitUntil !== null)
      return { ok: false, reason: describeLockout(waitUntil, now()), retryAt: waitUntil };
    const inner = await innerLayer(record, 'pin', device);
    if (!inner) return NO_DEVICE_KEY;
    const wanted = extractable || needsRewrap(record);
    const opened = await unwrapInner(inner, pin, wanted);
    if (opened) {
      await gate.reset();
      return { ok: true, key: opened, extractable: wanted, record, device };
    }
    const { failures, retryAt } = await gate.failed(device);
    const reason = describeWrongPin(failures, retryAt, now());
    return retryAt === null ? { ok: false, reason } : { ok: false, reason, retryAt };
  }

  /** The data key (extractable, from `opened`) wrapped under `pin` with today's parameters; the recovery wrap kept. */
  async function rewrapPin(opened: Opened, pin: string): Promise<Done> {
    const { record, device } = opened;
    const byPin = await wrapTwice(opened.key, pin, pinKdf, 'pin', device, random);
    const recovery =
      record.version === 1 ? await layerLegacyRecovery(record, device, random) : record.recovery;
    return saveAndKeep({ version: 2, pin: byPin.wrap, recovery }, byPin.wrappingKey, device, false);
  }

  async function wrapNew(
    dataKey: CryptoKey,
    pin: string,
    device: CryptoKey,
    first: boolean,
  ): Promise<PinResult> {
    const recoveryCode = recoveryCodeFromBytes(random(RECOVERY_BYTES));
    const [byPin, byCode] = await Promise.all([
      wrapTwice(dataKey, pin, pinKdf, 'pin', device, random),
      wrapTwice(dataKey, recoveryCode, recoveryKdf, 'recovery', device, random),
    ]);
    const record: VaultRecord = { version: 2, pin: byPin.wrap, recovery: byCode.wrap };
    const kept = await saveAndKeep(record, byPin.wrappingKey, device, first);
    if (!kept.ok) return kept;
    await gate.reset();
    return { ok: true, recoveryCode };
  }

  const setUp = (pin: string): Promise<PinResult> => {
    const checked = checkPin(pin);
    if (!checked.ok) return Promise.resolve(checked);
    return exclusive(async () => {
      if (await getVaultRecord(store)) return ALREADY_SET;
      return wrapNew(await generateDataKey(), pin, await ensureDeviceKey(store), true);
    });
  };

  const unlock = (pin: string): Promise<UnlockResult> =>
    exclusive(async () => {
      const opened = await openWithPin(pin, false);
      if (!('key' in opened)) return opened;
      const rules = checkPin(pin);
      if (!rules.ok)
        return {
          ok: false,
          mustChangePin: true,
          reason: `That PIN is right, but it must now be changed. ${rules.reason}`,
        };
      if (!opened.extractable) {
        key = opened.key;
        return { ok: true };
      }
      return rewrapPin(opened, pin);
    });

  const changePin = (oldPin: string, newPin: string): Promise<UnlockResult> => {
    const checked = checkPin(newPin);
    if (!checked.ok) return Promise.resolve(checked);
    return exclusive(async () => {
      const opened = await openWithPin(oldPin, true);
      return 'key' in opened ? rewrapPin(opened, newPin) : opened;
    });
  };

  /** The data key from the recovery wrap; extractable only to re-wrap it at once. */
  async function openWithCode(input: string, extractable: boolean) {
    const code = checkRecoveryCode(input);
    if (!code.ok) return code;
    const record = await getVaultRecord(store);
    if (!record) return NOT_SET_UP;
    const device = await deviceFor(record);
    const inner = device && (await innerLayer(record, 'recovery', device));
    if (!device || !inner) return NO_DEVICE_KEY;
    const opened = await unwrapInner(inner, code.code, extractable);
    return opened ? { ok: true as const, key: opened, device } : WRONG_CODE;
  }

  const resetPin = (recoveryCode: string, newPin: string): Promise<PinResult> => {
    const pin = checkPin(newPin);
    if (!pin.ok) return Promise.resolve(pin);
    return exclusive(async () => {
      const opened = await openWithCode(recoveryCode, true);
      return opened.ok ? wrapNew(opened.key, newPin, opened.device, false) : opened;
    });
  };

  return {
    isSetUp: async () => (await getVaultRecord(store)) !== null,
    isUnlocked: () => key !== null,
    prepare: prepareKdf,
    setUp,
    unlock,
    changePin,
    resetPin,
    async checkRecoveryCode(code) {
      const opened = await openWithCode(code, false);
      return opened.ok ? { ok: true } : opened;
    },
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

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
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
