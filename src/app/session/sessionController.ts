// The session feature's controller: who is collecting now (session.ts), its signs of life (before a
// save of open work, and when the page is hidden), and the session port.
import type { ReadonlySignal } from '@preact/signals';
import type { Messages } from '../../domain/words/index.ts';
import type { SessionActions } from '../../ui/actions.ts';
import { realTimers } from '../lock/lock.ts';
import type { Privacy } from '../lock/privacy.ts';
import type { SaveHooks } from '../saveHooks.ts';
import { createSessionControl, type SessionControl, type SessionDeps } from './session.ts';

export type SessionFeature = Omit<SessionControl, 'start' | 'end'> & { actions: SessionActions };

export type SessionFeatureDeps = Pick<
  SessionDeps,
  'store' | 'autoLockMinutes' | 'onChange' | 'reportError'
> & {
  privacy: Pick<Privacy, 'cipher' | 'lock'>;
  saveHooks: SaveHooks;
  messages: ReadonlySignal<Messages>;
};

export function createSessionController(deps: SessionFeatureDeps): SessionFeature {
  const { privacy, saveHooks, messages } = deps;
  const lock = () => privacy.lock.actions.lock();
  const control = createSessionControl({ ...deps, cipher: privacy.cipher, lock, timers: realTimers });
  saveHooks.register(() => control.touch(false));
  document.addEventListener(
    'visibilitychange',
    () => void control.touch(document.visibilityState === 'hidden'),
  );
  return {
    ...control,
    actions: {
      startSession: (input) => control.start(input, messages.value.session.notSaved),
      endSession: () => control.end(),
    },
  };
}
