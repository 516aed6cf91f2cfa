// The Lock screen: nothing about any story, only how many wait on this device ("3 stories waiting to
// send — unlock to send them"), counted from non-personal fields.
import { useState } from 'preact/hooks';
import { useLockText } from '../shared/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLock } from './lockActions.ts';
import { ResetPin } from './ResetPin.tsx';
import { UnlockForm } from './UnlockForm.tsx';

export type LockProps = { onIssued(recoveryCode: string): void };

export function Lock({ onIssued }: LockProps) {
  const { state } = useLock();
  const t = useLockText();
  const [forgotten, setForgotten] = useState(false);
  const waiting = state.value.storiesWaiting;
  return (
    <main class="screen" aria-labelledby="lock-title">
      <LanguageSwitch />
      <h1 id="lock-title">{t.lock.lockedTitle}</h1>
      {forgotten ? (
        <ResetPin onIssued={onIssued} onCancel={() => setForgotten(false)} />
      ) : (
        <UnlockForm onForgotten={() => setForgotten(true)} />
      )}
      {/* Below the form: the count arrives once the data layer has loaded, and must not move the
          PIN field and "Unlock" under a finger about to tap them. */}
      {waiting === null && <p class="note">{t.numbers.lockUnknown}</p>}
      {waiting !== null && waiting.toSend > 0 && <p class="note">{t.numbers.lockWaiting(waiting.toSend)}</p>}
      {waiting !== null && waiting.kept > 0 && <p class="note">{t.numbers.lockKept}</p>}
    </main>
  );
}
