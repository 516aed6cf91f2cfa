// "Forgotten PIN?": the recovery code and a new PIN. The same stories stay readable; a new code is issued.
import { useState } from 'preact/hooks';
import { Field } from '../shared/Field.tsx';
import { useLock } from './lockActions.ts';
import { findPinErrors, type PinErrors, PinFields } from './PinFields.tsx';

export type ResetPinProps = { onIssued(recoveryCode: string): void; onCancel(): void };

export function ResetPin({ onIssued, onCancel }: ResetPinProps) {
  const { actions } = useLock();
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
    else setProblem(result.reason);
  };
  return (
    <form onSubmit={(e) => void handleSubmit(e)} noValidate>
      <h2>Forgotten PIN?</h2>
      <p>
        Your organisation's Care Opinion lead has this device's recovery code. With it you choose a new PIN.
        Stories waiting to be sent are kept.
      </p>
      <Field label="Recovery code" hint="6 groups of 4 letters and digits." error={problem}>
        {(id, describedBy) => (
          <input
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        )}
      </Field>
      <PinFields pin={pin} confirm={confirm} errors={errors} onPin={setPin} onConfirm={setConfirm} />
      <div class="inline-row">
        <button type="submit" disabled={busy}>
          Set new PIN
        </button>
        <button type="button" onClick={onCancel}>
          Back to PIN
        </button>
      </div>
      {busy && <p role="status">Checking the recovery code. This takes a few seconds…</p>}
    </form>
  );
}
