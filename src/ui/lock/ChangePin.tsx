// After a right PIN that no longer meets the rules (say 4 digits): choose a new one before the app
// opens. The same stories and the same recovery code stay; only the PIN changes.
import { useState } from 'preact/hooks';
import type { LockProblem } from '../../domain/lock/lockProblem.ts';
import { lockProblemText } from '../../domain/words/lockWords.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { useLockText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';
import { findPinErrors, type PinErrors, PinFields, pinSummary } from './PinFields.tsx';

export type ChangePinProps = { oldPin: string; reason: LockProblem };

export function ChangePin({ oldPin, reason }: ChangePinProps) {
  const { actions } = useLock();
  const t = useLockText();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PinErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    const found = findPinErrors(pin, confirm);
    setErrors(found);
    setProblem(null);
    setAttempt(attempt + 1);
    if (found.pin || found.confirm) return;
    setBusy(true);
    const result = await actions.changePin(oldPin, pin);
    setBusy(false);
    if (!result.ok) setProblem(lockProblemText(result.reason, t));
  };
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate>
      <ErrorSummary errors={pinSummary(errors, t)} attempt={attempt} />
      <h2>{t.lock.changeTitle}</h2>
      <p>{t.lock.changeWhy(lockProblemText(reason, t))}</p>
      <PinFields pin={pin} confirm={confirm} errors={errors} onPin={setPin} onConfirm={setConfirm} />
      <button type="submit" disabled={busy}>
        {t.lock.setNewPin}
      </button>
      {busy && <p role="status">{t.lock.settingNewPin}</p>}
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </form>
  );
}
