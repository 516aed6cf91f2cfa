// The vault's PIN operations: set-up, unlock, PIN change, reset and the recovery-code check, on
// the twice-wrapped data key (vaultWrap.ts). Every change to the stored record runs under one Web
// Lock, and set-up also compares-and-sets, so two windows can never each keep a key. The data key
// they open is handed to the vault (vault.ts) through `keep`, never stored.

import { checkPin, checkRecoveryCode, RECOVERY_BYTES, recoveryCodeFromBytes } from '../../domain/lock/pin.ts';
import { ensureDeviceKey, getDeviceKey } from './deviceKey.ts';
import { createLockoutGate } from './lockout.ts';
import type { Done, PinResult, UnlockResult, VaultOptions } from './vault.ts';
import { generateDataKey, randomBytes, unwrapDataKey } from './vaultCrypto.ts';
import { isOutdated, PIN_KDF, RECOVERY_KDF } from './vaultKdf.ts';
import {
  getVaultRecord,
  getVaultState,
  type StoredVault,
  sameBytes,
  saveVaultState,
  VAULT_VERSION,
  type VaultRecord,
} from './vaultKeys.ts';
import { innerLayer, unwrapInner, wrapTwice } from './vaultWrap.ts';

export type VaultAccess = {
  setUp(pin: string): Promise<PinResult>;
  unlock(pin: string): Promise<UnlockResult>;
  checkPin(pin: string): Promise<UnlockResult>;
  changePin(oldPin: string, newPin: string): Promise<UnlockResult>;
  resetPin(recoveryCode: string, newPin: string): Promise<PinResult>;
  checkRecoveryCode(recoveryCode: string): Promise<Done>;
};

const NOT_SET_UP = { ok: false, reason: { code: 'notSetUp' } } as const;
const ALREADY_SET = {
  ok: false,
  reason: { code: 'alreadySet' },
} as const;
const NO_DEVICE_KEY = {
  ok: false,
  reason: { code: 'noDeviceKey' },
} as const;
const NOT_SAVED = {
  ok: false,
  reason: { code: 'notSaved' },
} as const;
const WRONG_CODE = {
  ok: false,
  reason: { code: 'wrongCode' },
} as const;

type Opened = { ok: true; key: CryptoKey; extractable: boolean; record: VaultRecord; device: CryptoKey };

export function createVaultAccess(options: VaultOptions, keep: (key: CryptoKey) => void): VaultAccess {
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

  const exclusive = <T>(run: () => Promise<T>): Promise<T> =>
    locks ? locks.request('story-collector-vault', run) : run();
  const deviceFor = (record: StoredVault) =>
    record.version === 1 ? ensureDeviceKey(store) : getDeviceKey(store);
  const needsRewrap = (record: VaultRecord) => isOutdated(record.pin.kdf, pinKdf);

  /**
   * Stores `record` with a sealed zero count (only if the stored record is still `expected`, none
   * for set-up), then keeps the data key only if the STORED wrap is ours and opens: nothing is
   * sealed under a key that is not the stored one.
   */
  async function saveAndKeep(
    record: Omit<VaultRecord, 'lockout'>,
    wrappingKey: CryptoKey,
    device: CryptoKey,
    expected: StoredVault | null,
  ): Promise<Done> {
    const { lockout, counter } = await gate.fresh(device);
    let saved: boolean;
    try {
      saved = await saveVaultState(store, expected, { ...record, lockout }, counter);
    } catch (error) {
      // storage refused the write (quota, a lost connection): IndexedDB's DOMException
      if (!(error instanceof DOMException)) throw error;
      return NOT_SAVED;
    }
    if (!saved) return expected === null ? ALREADY_SET : NOT_SAVED;
    const stored = await getVaultRecord(store);
    if (stored?.version !== VAULT_VERSION || !sameBytes(stored.pin.salt, record.pin.salt))
      return expected === null ? ALREADY_SET : NOT_SAVED;
    const inner = await innerLayer(stored, 'pin', device);
    const kept = inner && (await unwrapDataKey(inner.wrapped, wrappingKey, false));
    if (!kept) return NOT_SAVED;
    keep(kept);
    return { ok: true };
  }

  /** Opens the data key with the PIN, honouring and counting the wrong-PIN waits. */
  async function openWithPin(pin: string, extractable: boolean): Promise<Opened | UnlockResult> {
    if (pin === '') return { ok: false, reason: { code: 'enterPin' } };
    const stored = await getVaultState(store);
    if (!stored) return NOT_SET_UP;
    const device = await deviceFor(stored.record);
    const inner = device && (await innerLayer(stored.record, 'pin', device));
    if (!device || !inner) return NO_DEVICE_KEY;
    // A vault from before the bound counter gets its counter now, carrying its count.
    const state = await gate.bind(stored, inner, device);
    if (!state) return NOT_SAVED;
    const { record } = state;
    const waitUntil = await gate.waitUntil(record, state.counter, device);
    if (waitUntil !== null)
      return { ok: false, reason: { code: 'lockedOut', retryAt: waitUntil, at: now() }, retryAt: waitUntil };
    const wanted = extractable || needsRewrap(record);
    const opened = await unwrapInner(inner, pin, wanted);
    if (opened) {
      await gate.succeeded(device);
      return { ok: true, key: opened, extractable: wanted, record, device };
    }
    const { failures, retryAt } = await gate.failed(device);
    const reason = { code: 'wrongPin', failures, retryAt, at: now() } as const;
    return retryAt === null ? { ok: false, reason } : { ok: false, reason, retryAt };
  }

  /** The data key (extractable, from `opened`) wrapped under `pin` with today's parameters; the recovery wrap kept. */
  async function rewrapPin(opened: Opened, pin: string): Promise<Done> {
    const { record, device } = opened;
    const byPin = await wrapTwice(opened.key, pin, pinKdf, 'pin', device, random);
    const next = { version: VAULT_VERSION, pin: byPin.wrap, recovery: record.recovery } as const;
    return saveAndKeep(next, byPin.wrappingKey, device, record);
  }

  async function wrapNew(
    dataKey: CryptoKey,
    pin: string,
    device: CryptoKey,
    expected: StoredVault | null,
  ): Promise<PinResult> {
    const recoveryCode = recoveryCodeFromBytes(random(RECOVERY_BYTES));
    const [byPin, byCode] = await Promise.all([
      wrapTwice(dataKey, pin, pinKdf, 'pin', device, random),
      wrapTwice(dataKey, recoveryCode, recoveryKdf, 'recovery', device, random),
    ]);
    const record = { version: VAULT_VERSION, pin: byPin.wrap, recovery: byCode.wrap } as const;
    const kept = await saveAndKeep(record, byPin.wrappingKey, device, expected);
    return kept.ok ? { ok: true, recoveryCode } : kept;
  }

  const setUp = (pin: string): Promise<PinResult> => {
    const checked = checkPin(pin);
    if (!checked.ok) return Promise.resolve(checked);
    return exclusive(async () => {
      if (await getVaultRecord(store)) return ALREADY_SET;
      return wrapNew(await generateDataKey(), pin, await ensureDeviceKey(store), null);
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
          reason: { code: 'mustChange', because: rules.reason },
        };
      if (!opened.extractable) {
        keep(opened.key);
        return { ok: true };
      }
      return rewrapPin(opened, pin);
    });

  const verifyPin = (pin: string): Promise<UnlockResult> =>
    exclusive(async () => {
      const opened = await openWithPin(pin, false);
      return 'key' in opened ? { ok: true } : opened;
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
    return opened ? { ok: true as const, key: opened, device, record } : WRONG_CODE;
  }

  const resetPin = (recoveryCode: string, newPin: string): Promise<PinResult> => {
    const pin = checkPin(newPin);
    if (!pin.ok) return Promise.resolve(pin);
    return exclusive(async () => {
      const opened = await openWithCode(recoveryCode, true);
      return opened.ok ? wrapNew(opened.key, newPin, opened.device, opened.record) : opened;
    });
  };

  return {
    setUp,
    unlock,
    checkPin: verifyPin,
    changePin,
    resetPin,
    async checkRecoveryCode(code) {
      const opened = await openWithCode(code, false);
      return opened.ok ? { ok: true } : opened;
    },
  };
}
