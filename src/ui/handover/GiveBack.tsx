// "Give back to staff": asks for the staff PIN. A right PIN ends hand-over mode; a wrong one keeps
// it, says so, and counts toward the wrong-PIN waits like a wrong unlock (a countdown shows them).
import { useEffect, useRef, useState } from 'preact/hooks';
import { describeLockout, lockProblemText } from '../../domain/words/lockWords.ts';
import { useLock } from '../lock/lockActions.ts';
import { useNowUntil } from '../lock/useNowUntil.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { HAND_TO_ID } from './HandToStoryteller.tsx';
import { useHandover } from './handover.ts';

export function GiveBack() {
  const t = useText();
  const { actions } = useLock();
  const handover = useHandover();
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const now = useNowUntil(retryAt);
  const waiting = retryAt !== null && now < retryAt;
  useEffect(() => {
    if (asking) form.current?.querySelector('input')?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)}>
        {t.handover.giveBack}
      </button>
    );
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy || waiting) return;
    setBusy(true);
    const result = await actions.checkPin(pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      handover.end();
      // Focus goes back to the control that started the mode, once the staff header is drawn.
      requestAnimationFrame(() => document.getElementById(HAND_TO_ID)?.focus());
      return;
    }
    setMessage(lockProblemText(result.reason, t));
    setRetryAt(result.retryAt ?? null);
  };
  return (
    <form
      ref={form}
      class="give-back"
      aria-labelledby="give-back-title"
      onSubmit={(e) => void handleSubmit(e)}
      noValidate
    >
      <p id="give-back-title" class="give-back-title">
        {t.handover.giveBackTitle}
      </p>
      <TextField
        kind="secret"
        keypad="numeric"
        label={t.handover.pinLabel}
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
          {t.handover.confirm}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t.handover.cancel}
        </button>
      </div>
      {busy && <p role="status">{t.handover.checking}</p>}
    </form>
  );
}
