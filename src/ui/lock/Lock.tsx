// The Lock screen: nothing about any story, only whether some are waiting on this device.
import { useState } from 'preact/hooks';
import { useLock } from './lockActions.ts';
import { ResetPin } from './ResetPin.tsx';
import { UnlockForm } from './UnlockForm.tsx';

export type LockProps = { onIssued(recoveryCode: string): void };

export function Lock({ onIssued }: LockProps) {
  const { state } = useLock();
  const [forgotten, setForgotten] = useState(false);
  return (
    <main class="screen" aria-labelledby="lock-title">
      <h1 id="lock-title">Story Collector is locked</h1>
      {state.value.storiesWaiting && (
        <p class="note">Stories are waiting on this device. They are kept safe until they are sent.</p>
      )}
      {forgotten ? (
        <ResetPin onIssued={onIssued} onCancel={() => setForgotten(false)} />
      ) : (
        <UnlockForm onForgotten={() => setForgotten(true)} />
      )}
    </main>
  );
}
