// The lock controller: LockActions and the lock state over the vault, and auto-lock after the idle
// minutes in settings (announced IDLE_WARNING_MS before) or when the page was hidden for more than a
// minute. Locking saves first.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Vault } from '../../store/vault/vault.ts';
import type { LockActions, LockState, StoriesWaiting } from '../../ui/lock/lockActions.ts';

/** Hidden for longer than this (another app, the Home Screen, a sleeping iPad) locks the app. */
export const HIDDEN_LOCK_MS = 60_000;
/** What counts as someone using the app. Scrolling alone does not keep it open. */
export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input'] as const;
/** The idle lock says "Still there?" this long before it locks (someone listening may not touch the screen). */
export const IDLE_WARNING_MS = 30_000;

export type Timers = {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export type AutoLockFacts = {
  now: number;
  lastActivityAt: number;
  hiddenSince: number | null;
  idleMs: number;
};

export type AutoLockDue =
  | { lock: 'idle' | 'hidden' }
  /** `idleLockAt`: the idle lock is near and the page is seen, so say when it will lock (else null). */
  | { lock: null; checkAt: number; idleLockAt: number | null };

/** Why the app should lock now, if it should; whether to warn; and when to look again otherwise. */
export function autoLockDue(f: AutoLockFacts): AutoLockDue {
  if (f.hiddenSince !== null && f.now - f.hiddenSince > HIDDEN_LOCK_MS) return { lock: 'hidden' };
  if (f.now - f.lastActivityAt >= f.idleMs) return { lock: 'idle' };
  const idleAt = f.lastActivityAt + f.idleMs;
  const warnAt = idleAt - IDLE_WARNING_MS;
  // A hidden page is warned when it is seen again (noteVisibility looks at once).
  const warning = f.hiddenSince === null && f.now >= warnAt;
  const hiddenAt = f.hiddenSince === null ? Number.POSITIVE_INFINITY : f.hiddenSince + HIDDEN_LOCK_MS + 1;
  const nextIdle = warning || f.hiddenSince !== null ? idleAt : warnAt;
  return { lock: null, checkAt: Math.min(nextIdle, hiddenAt), idleLockAt: warning ? idleAt : null };
}

export type LockDeps = {
  /**
   * The vault, or its loading (the Lock screen is drawn before the vault's module has loaded): a PIN
   * submitted before it is ready waits for it, so one tap on "Unlock" is always enough.
   */
  vault: Vault | Promise<Vault>;
  /** saveHooks.saveAll: the open draft is saved before anything is dropped. */
  saveAll(): Promise<void>;
  autoLockMinutes(): number;
  /** How many stories wait to send (and how many others are kept), from non-personal fields only (no key needed). */
  countStoriesWaiting(): Promise<StoriesWaiting>;
  /**
   * After the key is dropped: clear every personal detail held by the page (story lists, drafts).
   * `reason`: the lock rules ('idle', 'hidden') or a person ('manual'). No lock ends a collecting session.
   */
  onLocked?(reason: LockedBy): void;
  /** After unlocking: reload stories, run key-dependent tasks, take the send-queue lock. */
  onUnlocked?(): void;
  /** The recovery code until "I have saved the code", kept sealed across a reload (store/vault/setupKept.ts). */
  recoveryCode?: KeptRecoveryCode;
  timers?: Timers;
};

export type KeptRecoveryCode = {
  keep(code: string): Promise<void>;
  /** After an unlock: the code not yet confirmed as saved, or null. */
  kept(): Promise<string | null>;
  forget(): Promise<void>;
};

/** Until counted: nothing said (a count that failed says "may be waiting" instead). */
const NONE_WAITING = { toSend: 0, kept: 0 };

/** Why the app locked: its rules (idle, hidden too long) or the "Lock" button. */
export type LockedBy = 'idle' | 'hidden' | 'manual';

export type LockController = {
  state: ReadonlySignal<LockState>;
  actions: LockActions;
  /**
   * Start-up: 'setup' on a device with no PIN yet, else 'locked' (then whether stories wait).
   * `phase`: what the first render may show before the vault has loaded and said (a record is there
   * or not); the vault's answer follows when loaded.
   */
  start(phase?: 'setup' | 'locked'): Promise<void>;
  /** Someone used the app (see ACTIVITY_EVENTS): the idle time starts again. */
  noteActivity(): void;
  noteVisibility(hidden: boolean): void;
  /** Stories were sent (or queued) while locked: the Lock screen's count is read again. */
  recount(): void;
  stop(): void;
};

export function createLockController(deps: LockDeps): LockController {
  const { timers = realTimers } = deps;
  const vaultReady = Promise.resolve(deps.vault);
  /** Set once loaded; an unlocked page always has it (every way in awaits it first). */
  let loaded: Vault | null = null;
  void vaultReady.then((v) => {
    loaded = v;
  });
  const withVault = async <T>(use: (v: Vault) => Promise<T>): Promise<T> => use(await vaultReady);
  const state = signal<LockState>({ phase: 'setup', storiesWaiting: NONE_WAITING });
  const update = (next: Partial<LockState>) => {
    state.value = { ...state.value, ...next };
  };
  let lastActivityAt = timers.now();
  let hiddenSince: number | null = null;
  let timer: unknown = null;
  let locking = false;

  function cancelTimer() {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  }

  function check() {
    cancelTimer();
    if (state.value.phase !== 'unlocked' || locking) return;
    const now = timers.now();
    const due = autoLockDue({ now, lastActivityAt, hiddenSince, idleMs: deps.autoLockMinutes() * 60_000 });
    if (due.lock !== null) {
      void lock(due.lock);
      return;
    }
    const idleLockAt = due.idleLockAt ?? undefined;
    if (state.value.idleLockAt !== idleLockAt) update({ idleLockAt });
    timer = timers.setTimeout(check, due.checkAt - now);
  }

  function noteActivity() {
    lastActivityAt = timers.now();
    // "Still there?" goes as soon as someone is: look again (cheap only while a warning shows).
    if (state.value.idleLockAt !== undefined) check();
  }

  function open() {
    lastActivityAt = timers.now();
    update({ phase: 'unlocked' });
    deps.onUnlocked?.();
    check();
  }

  /** A code set up but never confirmed as saved (the app closed on its screen) shows again first. */
  async function openOrShowCode() {
    // Unreadable (the store refused): the app opens as before this was kept; the code was shown once.
    const kept = await deps.recoveryCode?.kept().catch(() => null);
    if (kept) update({ phase: 'show-recovery', recoveryCode: kept });
    else open();
  }

  /** Kept before the code is shown: closing the app now cannot lose it. */
  async function issued<T extends { ok: boolean; recoveryCode?: string }>(result: T): Promise<T> {
    if (!result.ok || result.recoveryCode === undefined) return result;
    await deps.recoveryCode?.keep(result.recoveryCode).catch(() => undefined); // shown anyway
    update({ phase: 'show-recovery' });
    return result;
  }

  async function lock(reason: LockedBy = 'manual') {
    if (state.value.phase !== 'unlocked' || locking) return;
    locking = true;
    cancelTimer();
    // Hide the story first (the next person must not see it while saving takes its time) and make
    // it inert, so nothing more can be typed; it stays mounted so its autosave can finish.
    update({ phase: 'locking', idleLockAt: undefined });
    try {
      await deps.saveAll();
    } catch {
      // Lock even if saving failed: privacy first. The draft's own status already said why.
    } finally {
      loaded?.lock();
      locking = false;
      update({ phase: 'locked' });
      deps.onLocked?.(reason);
    }
    // Not counted (the database unreadable): null, and the Lock screen says stories may be waiting.
    update({ storiesWaiting: await deps.countStoriesWaiting().catch(() => null) });
  }

  const actions: LockActions = {
    setUpPin: async (pin) => issued(await withVault((v) => v.setUp(pin))),
    confirmRecoverySaved() {
      if (state.value.phase !== 'show-recovery') return;
      void deps.recoveryCode?.forget().catch(() => undefined); // at worst, shown once more
      update({ recoveryCode: undefined });
      open();
    },
    async unlock(pin) {
      const result = await withVault((v) => v.unlock(pin));
      if (result.ok) await openOrShowCode();
      return result;
    },
    checkPin: (pin) => withVault((v) => v.checkPin(pin)),
    keepOpen: noteActivity,
    async changePin(oldPin, newPin) {
      const result = await withVault((v) => v.changePin(oldPin, newPin));
      if (result.ok) await openOrShowCode();
      return result;
    },
    resetPin: async (code, pin) => issued(await withVault((v) => v.resetPin(code, pin))),
    lock: () => lock('manual'),
  };

  return {
    state,
    actions,
    async start(phase) {
      if (phase !== undefined) update({ phase });
      // Not awaited: the count reads the story database, which loads after the first screen.
      void deps
        .countStoriesWaiting()
        .catch(() => null) // not counted: "may be waiting" instead
        .then((storiesWaiting) => update({ storiesWaiting }));
      const setUp = await withVault((v) => v.isSetUp());
      // Set up meanwhile (a PIN chosen on the first screen): the vault's answer is older than that.
      if (state.value.phase === 'setup' || state.value.phase === 'locked')
        update({ phase: setUp ? 'locked' : 'setup' });
    },
    noteActivity,
    noteVisibility(hidden) {
      if (hidden) hiddenSince ??= timers.now();
      check(); // on return, this locks if the page was hidden for too long
      if (hidden) return;
      hiddenSince = null;
      check(); // still open: only the idle deadline is left
    },
    recount() {
      if (state.value.phase === 'unlocked') return;
      void deps
        .countStoriesWaiting()
        .catch(() => null) // not counted: "may be waiting" instead
        .then((storiesWaiting) => update({ storiesWaiting }));
    },
    stop: cancelTimer,
  };
}

/** Feeds page activity and visibility to the controller; returns a function that stops listening. */
export function watchActivity(
  controller: LockController,
  target: EventTarget,
  isHidden: () => boolean,
): () => void {
  const activity = () => controller.noteActivity();
  const visibility = () => controller.noteVisibility(isHidden());
  const options = { capture: true, passive: true };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, activity, options);
  target.addEventListener('visibilitychange', visibility);
  return () => {
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, activity, options);
    target.removeEventListener('visibilitychange', visibility);
  };
}
