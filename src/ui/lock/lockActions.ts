// The lock's facade: what the PIN screens may ask for, and the lock's state. Built by the
// composition root (src/app/lock/lock.ts) and passed down in LockContext, apart from the app's actions.
import type { ReadonlySignal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LockProblem } from '../../domain/lock/lockProblem.ts';

/** 'locking': the open story is hidden and inert while it is saved, before the key is dropped. */
export type LockPhase = 'setup' | 'show-recovery' | 'locked' | 'locking' | 'unlocked';

export type LockState = {
  phase: LockPhase;
  /** How many stories wait on this device (never titles or anything per story); null: not known. */
  storiesWaiting: StoriesWaiting | null;
  /**
   * 'show-recovery' after an unlock: the code set-up showed before the app closed, not yet confirmed
   * as saved (kept sealed until "I have saved the code"). Set-up itself hands its code to SetPin.
   */
  recoveryCode?: string | undefined;
  /** While unlocked, shortly before the idle lock: when it will lock ("Still there?"). */
  idleLockAt?: number | undefined;
};

/** Counted from non-personal fields: waiting to send (they go once unlocked), and any others kept. */
export type StoriesWaiting = { toSend: number; kept: number };

export type PinChangeResult = { ok: true; recoveryCode: string } | { ok: false; reason: LockProblem };
/** `mustChangePin`: the PIN was right but no longer meets the rules (e.g. 4 digits): choose a new one. */
export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: LockProblem; retryAt?: number; mustChangePin?: true };

export type LockActions = {
  /** First use: sets the PIN and returns the one-time recovery code (phase 'show-recovery'). */
  setUpPin(pin: string): Promise<PinChangeResult>;
  /** "I have saved the code": the app opens (phase 'unlocked'). */
  confirmRecoverySaved(): void;
  /** A wrong PIN says why in words; `retryAt` is when the next try may go ahead. */
  unlock(pin: string): Promise<UnlockResult>;
  /**
   * Whether this is the PIN, without locking or unlocking anything ("Give back to staff"). A wrong
   * one counts toward the wrong-PIN waits like any other, and the waits apply.
   */
  checkPin(pin: string): Promise<UnlockResult>;
  /** "Keep open": someone is still there; the idle time starts again. */
  keepOpen(): void;
  /** A right but outdated PIN replaced by a new one (same stories, same recovery code); opens the app. */
  changePin(oldPin: string, newPin: string): Promise<UnlockResult>;
  /** "Forgotten PIN?": a new PIN and a new recovery code; unsent stories are kept. */
  resetPin(code: string, pin: string): Promise<PinChangeResult>;
  /** Saves open work, drops the key, and shows the Lock screen. */
  lock(): Promise<void>;
};

export type LockContextValue = { state: ReadonlySignal<LockState>; actions: LockActions };

export const LockContext = createContext<LockContextValue | null>(null);

export function useLock(): LockContextValue {
  const value = useContext(LockContext);
  if (!value) throw new Error('LockContext missing: render the lock screens inside LockContext.Provider');
  return value;
}
