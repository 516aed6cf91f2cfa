// The shared-device session: the vault and the lock. Nothing personal is read or sent before an
// unlock; locking saves the open draft, drops the key and clears the page's story lists.
// The lock starts at once, for the Lock screen's first render; the vault (its module, Argon2id's
// loader, zod and the schemas) loads behind it, and a PIN submitted before then waits for it.

import type { SettingsStore } from '../../store/settings/deviceStore.ts';
import type { Cipher, vaultCipher } from '../../store/vault/cipher.ts';
import type { Vault } from '../../store/vault/vault.ts';
import {
  createLockController,
  type KeptRecoveryCode,
  type LockController,
  type LockDeps,
  watchActivity,
} from './lock.ts';

/** The recovery code until "I have saved the code", sealed in the device store (loaded with the vault). */
function keptCodeIn(store: SettingsStore, cipher: Promise<Cipher>): KeptRecoveryCode {
  const kept = () => import('../../store/vault/setupKept.ts');
  return {
    keep: async (code) => (await kept()).keepRecoveryCode(store, await cipher, code),
    kept: async () => (await kept()).keptRecoveryCode(store, await cipher),
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
  /** What a PIN waits for besides the vault: the app behind the Lock screen, ready to open. */
  ready: Promise<unknown>;
};

export type Privacy = {
  lock: LockController;
  cipher: Cipher;
  /** Whether this is the device's recovery code (Settings asks for it to change where stories go). */
  checkRecoveryCode: Vault['checkRecoveryCode'];
};

type Loaded = { vault: Vault; vaultCipher: typeof vaultCipher };

/** The lock now (call its `start` before the first render); the rest of the privacy layer once loaded. */
export function startPrivacy(deps: PrivacyDeps): {
  lock: LockController;
  privacy: Promise<Privacy>;
  /** Has the PIN's key derivation ready ahead of the PIN, now. */
  prepareUnlock(): void;
  /** The same once the page is idle (call once the start is done). */
  prepareWhenIdle(): void;
} {
  const loading: Promise<Loaded> = Promise.all([
    import('../../store/vault/vault.ts'),
    import('../../store/vault/cipher.ts'),
  ]).then(([{ createVault }, { vaultCipher }]) => ({
    vault: createVault({ store: deps.settingsStore }),
    vaultCipher,
  }));
  let loaded: Loaded | null = null;
  const ready = Promise.all([loading, deps.ready]).then(([l]) => {
    loaded = l;
    return l.vault;
  });
  const lock = createLockController({
    vault: ready,
    saveAll: deps.saveAll,
    autoLockMinutes: deps.autoLockMinutes,
    countStoriesWaiting: deps.countStoriesWaiting,
    onLocked: deps.onLocked,
    recoveryCode: keptCodeIn(
      deps.settingsStore,
      loading.then((l) => l.vaultCipher(l.vault)),
    ),
    onUnlocked: () => {
      // Unlocked only through the vault, so it has loaded.
      const session = loaded?.vault.session();
      if (!loaded || !session) return;
      deps.onUnlocked(loaded.vaultCipher(session));
    },
  });
  // The PIN is typed next: Argon2id loaded, compiled and its memory claimed by then — when main.tsx
  // says (`prepareUnlock`: at once on the Lock screen, once the start is done on a new iPad's PIN
  // set-up) or at the first key or tap, whichever comes first. Claiming 46 MiB beside a first
  // visit's start made its long tasks longer (Lighthouse's TBT).
  const prepareUnlock = () => {
    void loading.then((l) => l.vault.prepare()).catch(() => undefined); // not loaded (offline): loaded again at the PIN check
  };
  for (const type of ['keydown', 'pointerdown'] as const)
    document.addEventListener(type, prepareUnlock, { once: true, capture: true, passive: true });
  watchActivity(lock, document, () => document.visibilityState === 'hidden');
  const privacy = loading.then(({ vault, vaultCipher }) => ({
    lock,
    cipher: vaultCipher(vault),
    checkRecoveryCode: (code: string) => vault.checkRecoveryCode(code),
  }));
  // Safari may lack requestIdleCallback.
  const prepareWhenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(prepareUnlock, { timeout: 3_000 });
    else setTimeout(prepareUnlock, 500);
  };
  return { lock, privacy, prepareUnlock, prepareWhenIdle };
}
