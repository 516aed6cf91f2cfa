// First use: choose the PIN that unlocks this device. The recovery code is shown next (LockGate).
import { useState } from 'preact/hooks';
import { lockProblemText } from '../../domain/words/lockWords.ts';
import { useLockText } from '../shared/text.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { useLock } from './lockActions.ts';
import { findPinErrors, type PinErrors, PinFields } from './PinFields.tsx';

export type SetPinProps = { onIssued(recoveryCode: string): void };

export function SetPin({ onIssued }: SetPinProps) {
  const { actions } = useLock();
  const t = useLockText();
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PinErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    const found = findPinErrors(pin, confirm);
    setErrors(found);
    setProblem(null);
    if (found.pin || found.confirm) return;
    setBusy(true);
    const result = await actions.setUpPin(pin);
    setBusy(false);
    if (result.ok) onIssued(result.recoveryCode);
    else setProblem(lockProblemText(result.reason, t));
  };
  return (
    <main class="screen" aria-labelledby="set-pin-title">
      <LanguageSwitch />
      <h1 id="set-pin-title">{t.lock.setTitle}</h1>
      <p>{t.lock.setWhy}</p>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <PinFields pin={pin} confirm={confirm} errors={errors} onPin={setPin} onConfirm={setConfirm} />
        <button type="submit" disabled={busy}>
          {t.lock.setPin}
        </button>
        {busy && <p role="status">{t.lock.settingPin}</p>}
        {problem && (
          <p role="alert" class="message-error">
            {problem}
          </p>
        )}
      </form>
    </main>
  );
}
