// Shows the app only when unlocked; otherwise the PIN set-up, the recovery code or the Lock screen.
// Holds the recovery code between "Set PIN" (or a reset) and "I have saved the code", then forgets it;
// after a reload in between, the unlock brings the same code back (kept sealed: app/lock/lock.ts).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { useLockText } from '../shared/text.ts';
import { Lock } from './Lock.tsx';
import { useLock } from './lockActions.ts';

// The Lock screen is the first screen of every start: in the first download. Setting a PIN and
// the recovery code happen once per device: loaded on demand (precached for offline use).
const SetPin = lazy(() => import('./SetPin.tsx').then((m) => m.SetPin));
const RecoveryCode = lazy(() => import('./RecoveryCode.tsx').then((m) => m.RecoveryCode));

export function LockGate({ children }: { children: ComponentChildren }) {
  const { state, actions } = useLock();
  const t = useLockText();
  const [code, setCode] = useState<string | null>(null);
  const phase = state.value.phase;
  // The app behind the lock ("Still there?" with it): loaded before any unlock completes.
  if (phase === 'unlocked') return <>{children}</>;
  if (phase === 'locking') {
    return (
      <>
        <p role="status" class="screen">
          {t.lock.locking}
        </p>
        <div hidden inert>
          {children}
        </div>
      </>
    );
  }
  if (phase === 'setup') return <SetPin onIssued={setCode} />;
  if (phase === 'show-recovery') {
    // The phase changes a moment before the code arrives from the same answer.
    const shown = code ?? state.value.recoveryCode ?? null;
    if (shown === null) return <p role="status">{t.lock.preparingCode}</p>;
    const handleSaved = () => {
      setCode(null);
      actions.confirmRecoverySaved();
    };
    return <RecoveryCode code={shown} onSaved={handleSaved} />;
  }
  return <Lock onIssued={setCode} />;
}
