// What the lock tells the rest of the app. The lock starts first (the Lock screen needs it before
// anything else), so these are connected once the features that answer them exist; until then an
// unlock or a lock has nothing else to do, and the auto-lock time is the default.
import { DEFAULT_AUTO_LOCK_MINUTES } from '../../domain/lock/autoLock.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { LockedBy } from './lock.ts';

export type LockLinks = {
  autoLockMinutes(): number;
  /** After an unlock, with the session's cipher: open what is sealed, in order. */
  unlocked(session: Cipher): Promise<void>;
  /** After the key is dropped: nothing personal stays in the page. */
  locked(reason: LockedBy): void;
};

export function createLockLinks(reportError: (error: unknown) => void) {
  const links: LockLinks = {
    autoLockMinutes: () => DEFAULT_AUTO_LOCK_MINUTES,
    unlocked: async () => {},
    locked: () => {},
  };
  return {
    /** For startPrivacy: each call goes to the link connected at the time. */
    deps: {
      autoLockMinutes: () => links.autoLockMinutes(),
      onUnlocked: (session: Cipher) => void links.unlocked(session).catch(reportError),
      onLocked: (reason: LockedBy) => links.locked(reason),
    },
    connect(next: LockLinks) {
      Object.assign(links, next);
    },
  };
}
