// The shared-device session: the vault and the lock. Nothing personal is read or sent before an
// unlock; locking saves the open draft, drops the key and clears the page's story lists.

import type { SettingsStore } from '../../store/settings/settings.ts';
import { type Cipher, vaultCipher } from '../../store/vault/cipher.ts';
import type { Vault } from '../../store/vault/vault.ts';
import {
  createLockController,
  type KeptRecoveryCode,
  type LockController,
  type LockDeps,
  watchActivity,
} from './lock.ts';

/** The recovery code until "I have saved the code", sealed in the device store (loaded with the vault). */
function keptCodeIn(store: SettingsStore, cipher: Cipher): KeptRecoveryCode {
  const kept = () => import('../../store/vault/setupKept.ts');
  return {
    keep: async (code) => (await kept()).keepRecoveryCode(store, cipher, code),
    kept: async () => (await kept()).keptRecoveryCode(store, cipher),
    forget: async () => (await kept()).forgetRecoveryCode(store),
  };
}

export type PrivacyDeps = {
  settingsStore: SettingsStore;
  saveAll(): Promise<void>;
  autoLockMinutes(): number;
  /** How many stories wait on this device, from non-personal fields only (no key needed). */
  countStoriesWaiting: LockDeps['countStoriesWaiting'];
  /** After unlocking: the session cipher (kept by the sender for this page's life). */
  onUnlocked(session: Cipher): void;
  onLocked: NonNullable<LockDeps['onLocked']>;
};

export type Privacy = {
  lock: LockController;
  cipher: Cipher;
  /** Whether this is the device's recovery code (Settings asks for it to change where stories go). */
  checkRecoveryCode: Vault['checkRecoveryCode'];
};

export async function startPrivacy(deps: PrivacyDeps): Promise<Privacy> {
  // The vault (PIN rules, Argon2id's loader, the two layers) loads with the lock, outside Home's first download.
  const { createVault } = await import('../../store/vault/vault.ts');
  const vault = createVault({ store: deps.settingsStore });
  const cipher = vaultCipher(vault);
  const lock = createLockController({
    vault,
    saveAll: deps.saveAll,
    autoLockMinutes: deps.autoLockMinutes,
    countStoriesWaiting: deps.countStoriesWaiting,
    onLocked: deps.onLocked,
    recoveryCode: keptCodeIn(deps.settingsStore, cipher),
    onUnlocked: () => {
      const session = vault.session();
      if (!session) return;
      deps.onUnlocked(vaultCipher(session));
    },
  });
  await lock.start();
  // The PIN is typed next: have Argon2id loaded and compiled by then.
  void vault.prepare().catch(() => undefined); // not loaded yet (offline): loaded again at the PIN check
  watchActivity(lock, document, () => document.visibilityState === 'hidden');
  return { lock, cipher, checkRecoveryCode: (code) => vault.checkRecoveryCode(code) };
}
