// Shows the app only when unlocked; otherwise the PIN set-up, the recovery code or the Lock screen.
// Holds the recovery code between "Set PIN" (or a reset) and "I have saved the code", then forgets it;
// after a reload in between, the unlock brings the same code back (kept sealed: app/lock/lock.ts).
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLockText } from '../shared/text.ts';
import { Lock } from './Lock.tsx';
import { useLock } from './lockActions.ts';
import { RecoveryCode } from './RecoveryCode.tsx';
import { SetPin } from './SetPin.tsx';

// The Lock screen is the first screen of every start, and setting a PIN (then its recovery code) the
// first of a new iPad's: all three in the first download (about 0.5 kB more than the Lock screen
// alone), so a first visit draws its screen in the first render rather than after another chunk
// and a second render (a 60 ms task on a fast machine, Lighthouse's longest).

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
