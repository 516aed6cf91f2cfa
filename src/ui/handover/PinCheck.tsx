// The staff PIN asked for again before something only staff may do: "Give back to staff", and
// Home's "Export unsent stories" (issue 26). The lock checks it without locking or unlocking
// anything; a wrong one says so and counts toward the wrong-PIN waits like a wrong unlock (a
// countdown shows them).
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeLockout, lockProblemText } from '../../domain/words/lockWords.ts';
import { useLock } from '../lock/lockActions.ts';
import { useNowUntil } from '../lock/useNowUntil.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';

export type PinCheckWords = {
  title: string;
  pinLabel: string;
  confirm: string;
  cancel: string;
  checking: string;
};

export type PinCheckProps = {
  /** The title's id: the form is named by it. */
  titleId: string;
  words: PinCheckWords;
  /** A further class for the form (its place on the screen). */
  className?: string;
  /** The right PIN. */
  onConfirmed(): void;
  onCancel(): void;
};

export function PinCheck({ titleId, words, className, onConfirmed, onCancel }: PinCheckProps) {
  const t = useText();
  const { actions } = useLock();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const now = useNowUntil(retryAt);
  const waiting = retryAt !== null && now < retryAt;
  useEffect(() => {
    form.current?.querySelector('input')?.focus();
  }, []);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy || waiting) return;
    setBusy(true);
    const result = await actions.checkPin(pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      onConfirmed();
      return;
    }
    setMessage(lockProblemText(result.reason, t));
    setRetryAt(result.retryAt ?? null);
  };
  return (
    <form
      ref={form}
      class={className ? `pin-check ${className}` : 'pin-check'}
      aria-labelledby={titleId}
      onSubmit={(e) => void handleSubmit(e)}
      noValidate
    >
      <p id={titleId} class="pin-check-title">
        {words.title}
      </p>
      <TextField
        kind="secret"
        keypad="numeric"
        label={words.pinLabel}
        error={waiting ? undefined : message}
        value={pin}
        onInput={setPin}
      />
      {waiting && (
        <p role="timer" class="message-error">
          {describeLockout(retryAt, now, t)}
        </p>
      )}
      <div class="inline-row">
        <button type="submit" class="button-primary" disabled={busy || waiting}>
          {words.confirm}
        </button>
        <button type="button" onClick={onCancel}>
          {words.cancel}
        </button>
      </div>
      {busy && <p role="status">{words.checking}</p>}
    </form>
  );
}
