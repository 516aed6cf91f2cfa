// Shows the app only when unlocked; otherwise the PIN set-up, the recovery code or the Lock screen.
// Holds the recovery code between "Set PIN" (or a reset) and "I have saved the code", then forgets it.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLock } from '../lockActions.ts';
import { Lock } from '../screens/Lock.tsx';
import { SetPin } from '../screens/SetPin.tsx';
import { RecoveryCode } from './RecoveryCode.tsx';

export function LockGate({ children }: { children: ComponentChildren }) {
  const { state, actions } = useLock();
  const [code, setCode] = useState<string | null>(null);
  const phase = state.value.phase;
  if (phase === 'unlocked') return <>{children}</>;
  if (phase === 'setup') return <SetPin onIssued={setCode} />;
  if (phase === 'show-recovery') {
    // The phase changes a moment before the code arrives from the same answer.
    if (code === null) return <p role="status">Preparing the recovery code…</p>;
    const handleSaved = () => {
      setCode(null);
      actions.confirmRecoverySaved();
    };
    return <RecoveryCode code={code} onSaved={handleSaved} />;
  }
  return <Lock onIssued={setCode} />;
}
