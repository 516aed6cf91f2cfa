// "Forgotten PIN?": the recovery code and a new PIN. The same stories stay readable; a new code is issued.

import { useState } from 'preact/hooks';
import { lockProblemText } from '../../domain/words/lockWords.ts';
import { TextField } from '../shared/TextField.tsx';
import { useLockText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';
import { findPinErrors, type PinErrors, PinFields } from './PinFields.tsx';

export type ResetPinProps = { onIssued(recoveryCode: string): void; onCancel(): void };

export function ResetPin({ onIssued, onCancel }: ResetPinProps) {
  const { actions } = useLock();
  const t = useLockText();
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PinErrors>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    const found = findPinErrors(pin, confirm);
    setErrors(found);
    setProblem(undefined);
    if (found.pin || found.confirm) return;
    setBusy(true);
    const result = await actions.resetPin(code, pin);
    setBusy(false);
    if (result.ok) onIssued(result.recoveryCode);
    else setProblem(lockProblemText(result.reason, t));
  };
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate>
      <h2>{t.lock.forgotten}</h2>
      <p>{t.lock.resetWhy}</p>
      <TextField
        kind="code"
        label={t.lock.recoveryCode}
        hint={t.lock.recoveryCodeHint}
        error={problem}
        value={code}
        onInput={setCode}
      />
      <PinFields pin={pin} confirm={confirm} errors={errors} onPin={setPin} onConfirm={setConfirm} />
      <div class="inline-row">
        <button type="submit" disabled={busy}>
          {t.lock.setNewPin}
        </button>
        <button type="button" onClick={onCancel}>
          {t.lock.backToPin}
        </button>
      </div>
      {busy && <p role="status">{t.lock.checkingCode}</p>}
    </form>
  );
}
