// The shared-device session: the vault and the lock. Nothing personal is read or sent before an
// unlock; locking saves the open draft, drops the key and clears the page's story lists.

import { type Cipher, vaultCipher } from '../store/cipher.ts';
import type { SettingsStore } from '../store/settings.ts';
import { createVault } from '../store/vault.ts';
import { createLockController, type LockController, watchActivity } from './lock.ts';

export type PrivacyDeps = {
  settingsStore: SettingsStore;
  saveAll(): Promise<void>;
  autoLockMinutes(): number;
  /** Whether any story waits on this device, from non-personal fields only (no key needed). */
  hasStoriesWaiting(): Promise<boolean>;
  /** After unlocking: the session cipher (kept by the sender for this page's life). */
  onUnlocked(session: Cipher): void;
  onLocked(): void;
};

export type Privacy = { lock: LockController; cipher: Cipher };

export async function startPrivacy(deps: PrivacyDeps): Promise<Privacy> {
  const vault = createVault({ store: deps.settingsStore });
  const cipher = vaultCipher(vault);
  const lock = createLockController({
    vault,
    saveAll: deps.saveAll,
    autoLockMinutes: deps.autoLockMinutes,
    hasStoriesWaiting: deps.hasStoriesWaiting,
    onLocked: deps.onLocked,
    onUnlocked: () => {
      const session = vault.session();
      if (!session) return;
      deps.onUnlocked(vaultCipher(session));
    },
  });
  await lock.start();
  watchActivity(lock, document, () => document.visibilityState === 'hidden');
  return { lock, cipher };
}
