// The Lock screen: nothing about any story, only whether some are waiting on this device.
import { useState } from 'preact/hooks';
import { useText } from '../shared/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLock } from './lockActions.ts';
import { ResetPin } from './ResetPin.tsx';
import { UnlockForm } from './UnlockForm.tsx';

export type LockProps = { onIssued(recoveryCode: string): void };

export function Lock({ onIssued }: LockProps) {
  const { state } = useLock();
  const t = useText();
  const [forgotten, setForgotten] = useState(false);
  return (
    <main class="screen" aria-labelledby="lock-title">
      <LanguageSwitch />
      <h1 id="lock-title">{t.lock.lockedTitle}</h1>
      {state.value.storiesWaiting && <p class="note">{t.lock.storiesWaiting}</p>}
      {forgotten ? (
        <ResetPin onIssued={onIssued} onCancel={() => setForgotten(false)} />
      ) : (
        <UnlockForm onForgotten={() => setForgotten(true)} />
      )}
    </main>
  );
}
