// "PIN" and "Unlock". A wrong PIN says so; after too many, a countdown in words until the next try.
// While the PIN is checked (Argon2id, in a worker: the screen stays responsive) a line says so.
import { useState } from 'preact/hooks';
import type { LockProblem } from '../../domain/lock/lockProblem.ts';
import { describeLockout, lockProblemText } from '../../domain/words/lockWords.ts';
import { TextField } from '../shared/TextField.tsx';
import { useLockText } from '../shared/text.ts';
import { ChangePin } from './ChangePin.tsx';
import { useLock } from './lockActions.ts';
import { useNowUntil } from './useNowUntil.ts';

export type UnlockFormProps = { onForgotten(): void };

export function UnlockForm({ onForgotten }: UnlockFormProps) {
  const { actions } = useLock();
  const t = useLockText();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [mustChange, setMustChange] = useState<{ oldPin: string; reason: LockProblem } | null>(null);
  const now = useNowUntil(retryAt);
  const waiting = retryAt !== null && now < retryAt;
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy || waiting) return;
    setBusy(true);
    const result = await actions.unlock(pin);
    setBusy(false);
    setPin('');
    if (!result.ok && result.mustChangePin) {
      setMustChange({ oldPin: pin, reason: result.reason });
      return;
    }
    setMessage(result.ok ? undefined : lockProblemText(result.reason, t));
    setRetryAt(result.ok ? null : (result.retryAt ?? null));
  };
  if (mustChange) return <ChangePin oldPin={mustChange.oldPin} reason={mustChange.reason} />;
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate>
      <TextField
        kind="secret"
        keypad="numeric"
        label={t.lock.pin}
        error={waiting ? undefined : message}
        value={pin}
        onInput={setPin}
      />
      {waiting && (
        // role="timer": read when asked, not announced every second.
        <p role="timer" class="message-error">
          {describeLockout(retryAt, now, t)}
        </p>
      )}
      <div class="inline-row">
        <button type="submit" disabled={busy || waiting}>
          {t.lock.unlock}
        </button>
        <button type="button" onClick={onForgotten}>
          {t.lock.forgotten}
        </button>
      </div>
      {/* The progress line: in the page from the start, so screen readers announce it as it fills. */}
      <p role="status" class="note">
        {busy ? t.lock.checkingPin : ''}
      </p>
    </form>
  );
}
