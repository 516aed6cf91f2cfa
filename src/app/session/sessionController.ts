// The session feature's controller: who is collecting now, the last session Home offers to carry on
// ("Still …?"), its signs of life (before a save of open work, and when the page is hidden), and the
// session port. The session's rules and storage (session.ts) load with the first unlock — before it
// there is no session — so they stay out of the first download.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { CollectingSession } from '../../domain/session/session.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { SessionActions } from '../../ui/actions.ts';
import { realTimers } from '../lock/lock.ts';
import type { Privacy } from '../lock/privacy.ts';
import type { SaveHooks } from '../saveHooks.ts';
import type { SessionControl, SessionDeps } from './session.ts';

export type SessionFeature = {
  current: ReadonlySignal<CollectingSession | null>;
  /** Ended at midnight or after the long idle: Home asks "Still …?" until carried on or forgotten. */
  lapsed: ReadonlySignal<CollectingSession | null>;
  /**
   * Whether `current` and `lapsed` say what is stored: false from a lock until the next unlock has
   * read the session back, so Home never shows "Start collecting" for a moment to someone collecting.
   */
  known: ReadonlySignal<boolean>;
  /** After an unlock: the stored session, unless the domain's rule says it has ended. */
  load(cipher: Cipher): Promise<void>;
  /** The app locked: the session is kept (sealed); the page forgets it until the next unlock. */
  locked(): void;
  actions: SessionActions;
};

export type SessionFeatureDeps = Pick<
  SessionDeps,
  'store' | 'sessionIdleHours' | 'onChange' | 'reportError'
> & {
  privacy: Pick<Privacy, 'cipher' | 'lock'>;
  saveHooks: SaveHooks;
};

export function createSessionController(deps: SessionFeatureDeps): SessionFeature {
  const { privacy, saveHooks } = deps;
  const current = signal<CollectingSession | null>(null);
  const lapsed = signal<CollectingSession | null>(null);
  const known = signal(false);
  const lock = () => privacy.lock.actions.lock();
  let ready: SessionControl | null = null;
  let loading: Promise<SessionControl> | null = null;
  const control = () => {
    loading ??= import('./session.ts').then(({ createSessionControl }) => {
      const timers = realTimers;
      ready = createSessionControl({ ...deps, current, lapsed, cipher: privacy.cipher, lock, timers });
      return ready;
    });
    return loading;
  };
  // Not loaded yet: no session, so no sign of life to write.
  saveHooks.register(async () => ready?.touch());
  document.addEventListener('visibilitychange', () => void ready?.touch());
  return {
    current,
    lapsed,
    known,
    async load(cipher) {
      try {
        await (await control()).load(cipher);
      } finally {
        known.value = true; // read, or unreadable: either way what Home shows is now the truth
      }
    },
    locked() {
      known.value = false;
      ready?.locked();
    },
    actions: {
      startSession: async (input) => (await control()).start(input),
      carryOn: async () => (await control()).carryOn(),
      startAfresh: async () => (await control()).forget(),
      endSession: async () => (await control()).end(),
    },
  };
}
