// The collecting session in the page: "Start collecting" seals it beside the settings, every unlock
// reads it back through the domain's one rule for when a session ends (sessionEnd). A lock never ends
// it. It ends on "End session" (cleared, then the app locks), at midnight or after Settings' long idle:
// then it stays sealed as the last session, and Home asks "Still Sam…?" — "Carry on" starts it again
// with one tap, "Start afresh" clears it. Signs of life (hidden, about to lock or reload) are written
// so a new page can apply the same rule.
import { type Signal, signal } from '@preact/signals';
import {
  asksToCarryOn,
  type CollectingSession,
  carryOn,
  type SessionFacts,
  type SessionInput,
  sessionEnd,
  startSession,
} from '../../domain/session/session.ts';
import { clearSession, getSession, saveSession } from '../../store/settings/session.ts';
import type { SettingsStore } from '../../store/settings/settings.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { SaveResult } from '../../ui/actions.ts';
import type { Timers } from '../lock/lock.ts';

export type SessionDeps = {
  store: SettingsStore;
  /** The vault's cipher: sealing works only while unlocked. */
  cipher: Cipher;
  /** Settings' long idle that ends a session (hours). */
  sessionIdleHours(): number;
  /** Saves open work and locks the app ("End session"). */
  lock(): Promise<void>;
  /** The session started or ended: Home's counts ("sent this session") start again. */
  onChange?(session: CollectingSession | null): void;
  timers: Timers;
  /** Where the current session is shown (the controller's, made before this module loads). */
  current?: Signal<CollectingSession | null>;
  /** The session that ended at midnight or after the long idle: "Still …?" (the controller's). */
  lapsed?: Signal<CollectingSession | null>;
  /** The app's one error handler: a session that could not be cleared from the device. */
  reportError?(error: unknown): void;
};

type Started = SaveResult | { ok: false; missing: 'name' };

export type SessionControl = {
  current: Signal<CollectingSession | null>;
  lapsed: Signal<CollectingSession | null>;
  /** After an unlock: the stored session, unless the rule says it has ended (then it is offered again). */
  load(cipher: Cipher): Promise<void>;
  start(input: SessionInput): Promise<Started>;
  /** "Carry on" after "Still …?": the same person and services, as a session starting now. */
  carryOn(): Promise<Started>;
  /** "Start afresh" after "Still …?": the last session is forgotten. */
  forget(): Promise<void>;
  /** "End session": clears it, then locks. */
  end(): Promise<void>;
  /** The app locked: the session stays stored; nothing of it stays in the page until the next unlock. */
  locked(): void;
  /** A sign of life: the page is hidden, or about to lock or reload. */
  touch(): Promise<void>;
};

export function createSessionControl(deps: SessionDeps): SessionControl {
  const { timers } = deps;
  const current = deps.current ?? signal<CollectingSession | null>(null);
  const lapsed = deps.lapsed ?? signal<CollectingSession | null>(null);
  const report = (error: unknown) => deps.reportError?.(error);
  let midnight: unknown = null;

  const facts = (ended?: boolean): SessionFacts => ({
    now: timers.now(),
    idleMs: deps.sessionIdleHours() * 3_600_000,
    ended,
  });
  const show = (session: CollectingSession | null) => {
    if (midnight !== null) timers.clearTimeout(midnight);
    midnight = null;
    const changed = current.value?.startedAt !== session?.startedAt;
    current.value = session;
    if (session) lapsed.value = null;
    if (session) midnight = timers.setTimeout(atMidnight, session.endsAt - timers.now());
    if (changed) deps.onChange?.(session);
  };
  const clear = async () => {
    show(null);
    lapsed.value = null;
    await clearSession(deps.store).catch(report);
  };
  /** Midnight while unlocked: the session ends (kept sealed) and Home asks "Still …?". */
  function atMidnight() {
    const session = current.value;
    if (session && sessionEnd(session, facts()) === 'midnight') {
      show(null);
      lapsed.value = session;
    } else if (session) show(session); // a timer that fired early (clock change): wait again
  }
  async function seal(session: CollectingSession): Promise<Started> {
    try {
      await saveSession(deps.store, deps.cipher, session);
    } catch {
      // Not sealed (locked meanwhile) or not stored (a full disk): the screen says so.
      return { ok: false, reason: 'sessionNotSaved' };
    }
    show(session);
    return { ok: true };
  }
  async function end() {
    await clear();
    await deps.lock();
  }

  return {
    current,
    lapsed,
    async load(cipher) {
      const stored = await getSession(deps.store, cipher).catch(() => null); // unreadable: no session
      const ended = stored === null ? null : sessionEnd(stored, facts());
      if (stored === null) return void (await clear());
      if (ended !== null) {
        show(null);
        lapsed.value = asksToCarryOn(ended) ? stored : null;
        return;
      }
      const alive = { ...stored, activeAt: timers.now() };
      show(alive);
      const same = () => current.value?.startedAt === alive.startedAt;
      // A sign of life only (it fails if the app locks meanwhile): the next one writes it again.
      await saveSession(deps.store, cipher, alive, same).catch(() => undefined);
    },
    async start(input) {
      const started = startSession(input, timers.now());
      return started.ok ? seal(started.session) : started;
    },
    async carryOn() {
      const previous = lapsed.value;
      if (previous === null) return { ok: false, reason: 'sessionNotSaved' };
      const started = carryOn(previous, timers.now());
      return started.ok ? seal(started.session) : started;
    },
    forget: clear,
    end,
    locked() {
      show(null); // nothing of it stays in the page while locked; the next unlock reads it again
      lapsed.value = null;
    },
    async touch() {
      const session = current.value;
      if (!session) return;
      const alive = { ...session, activeAt: timers.now() };
      current.value = alive;
      // Not if it ended (or the app locked) while sealing; fails only while locked, when there is none.
      const same = () => current.value?.startedAt === alive.startedAt;
      await saveSession(deps.store, deps.cipher, alive, same).catch(() => undefined); // locked meanwhile
    },
  };
}
