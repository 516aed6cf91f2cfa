// The collecting session in the page: "Start collecting" seals it beside the settings, every unlock
// reads it back through the domain's one rule for when a session ends (sessionEnd), and it is
// cleared at midnight, when the app locks by its lock rules, or on "End session" (which also locks).
// Signs of life (hidden, about to lock or reload) are written so a new page can apply the same rule.
import { type Signal, signal } from '@preact/signals';
import {
  type CollectingSession,
  type SessionFacts,
  type SessionInput,
  sessionEnd,
  startSession,
} from '../../domain/session/session.ts';
import { clearSession, getSession, saveSession } from '../../store/settings/session.ts';
import type { SettingsStore } from '../../store/settings/settings.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { SaveResult } from '../../ui/actions.ts';
import { HIDDEN_LOCK_MS, type Timers } from '../lock/lock.ts';

export type LockReason = NonNullable<SessionFacts['lock']>;

export type SessionDeps = {
  store: SettingsStore;
  /** The vault's cipher: sealing works only while unlocked. */
  cipher: Cipher;
  autoLockMinutes(): number;
  /** Saves open work and locks the app ("End session", midnight). */
  lock(): Promise<void>;
  /** The session started or ended: Home's counts ("sent this session") start again. */
  onChange?(session: CollectingSession | null): void;
  timers: Timers;
  /** Where the current session is shown (the controller's, made before this module loads). */
  current?: Signal<CollectingSession | null>;
  /** The app's one error handler: a session that could not be cleared from the device. */
  reportError?(error: unknown): void;
};

export type SessionControl = {
  current: Signal<CollectingSession | null>;
  /** After an unlock: the stored session, unless the rule says it has ended (then it is cleared). */
  load(cipher: Cipher): Promise<void>;
  start(input: SessionInput): Promise<SaveResult | { ok: false; missing: 'name' }>;
  /** "End session": clears it, then locks. */
  end(): Promise<void>;
  /** The app locked: by its rules the session ends; after "Lock" it waits for the next unlock. */
  locked(reason: LockReason): void;
  /** A sign of life: the page is hidden, or about to lock or reload. */
  touch(hidden: boolean): Promise<void>;
};

export function createSessionControl(deps: SessionDeps): SessionControl {
  const { timers } = deps;
  const current = deps.current ?? signal<CollectingSession | null>(null);
  const report = (error: unknown) => deps.reportError?.(error);
  let midnight: unknown = null;

  const facts = (lock?: LockReason): SessionFacts => ({
    now: timers.now(),
    idleMs: deps.autoLockMinutes() * 60_000,
    hiddenMs: HIDDEN_LOCK_MS,
    lock,
  });
  const show = (session: CollectingSession | null) => {
    if (midnight !== null) timers.clearTimeout(midnight);
    midnight = null;
    const changed = current.value?.startedAt !== session?.startedAt;
    current.value = session;
    if (session) midnight = timers.setTimeout(() => void atMidnight(), session.endsAt - timers.now());
    if (changed) deps.onChange?.(session);
  };
  const clear = async () => {
    show(null);
    await clearSession(deps.store).catch(report);
  };
  async function atMidnight() {
    const session = current.value;
    if (session && sessionEnd(session, facts()) === 'midnight') await end();
    else if (session) show(session); // a timer that fired early (clock change): wait again
  }
  async function end() {
    await clear();
    await deps.lock();
  }

  return {
    current,
    async load(cipher) {
      const stored = await getSession(deps.store, cipher).catch(() => null); // unreadable: no session
      if (stored === null || sessionEnd(stored, facts()) !== null) return void (await clear());
      const alive = { ...stored, activeAt: timers.now(), hidden: false };
      show(alive);
      const same = () => current.value?.startedAt === alive.startedAt;
      // A sign of life only (it fails if the app locks meanwhile): the next one writes it again.
      await saveSession(deps.store, cipher, alive, same).catch(() => undefined);
    },
    async start(input) {
      const started = startSession(input, timers.now());
      if (!started.ok) return started;
      try {
        await saveSession(deps.store, deps.cipher, started.session);
      } catch {
        // Not sealed (locked meanwhile) or not stored (a full disk): the screen says so.
        return { ok: false, reason: 'sessionNotSaved' };
      }
      show(started.session);
      return { ok: true };
    },
    end,
    locked(reason) {
      const session = current.value;
      show(null); // nothing of it stays in the page while locked; the next unlock reads it again
      if (session && sessionEnd(session, facts(reason)) !== null) void clearSession(deps.store).catch(report);
    },
    async touch(hidden) {
      const session = current.value;
      if (!session) return;
      const alive = { ...session, activeAt: timers.now(), hidden };
      current.value = alive;
      // Not if it ended (or the app locked) while sealing; fails only while locked, when there is none.
      const same = () => current.value?.startedAt === alive.startedAt;
      await saveSession(deps.store, deps.cipher, alive, same).catch(() => undefined); // locked meanwhile
    },
  };
}
