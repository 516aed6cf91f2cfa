// "Choose a PIN" and "Confirm PIN": one numeric field each, and the problems found on submit placed
// on the field that can fix them.
import type { PinProblem } from '../../domain/lock/lockProblem.ts';
import { checkPin, checkPinPair } from '../../domain/lock/pin.ts';
import type { LockMessages } from '../../domain/words/index.ts';
import { lockProblemText } from '../../domain/words/lockWords.ts';
import type { SummaryError } from '../shared/ErrorSummary.tsx';
import { TextField } from '../shared/TextField.tsx';
import { useLockText } from '../shared/text.ts';

/** The fields' ids, for the error summary's links. */
export const CHOOSE_PIN_ID = 'choose-pin';
export const CONFIRM_PIN_ID = 'confirm-pin';

/** The rules' codes, worded on the fields. */
export type PinErrors = { pin?: PinProblem | undefined; confirm?: PinProblem | undefined };

/** The domain's answer, placed on "Choose a PIN" or on "Confirm PIN". Empty when both are fine. */
export function findPinErrors(pin: string, confirm: string): PinErrors {
  const own = checkPin(pin);
  if (!own.ok) return { pin: own.reason };
  const pair = checkPinPair(pin, confirm);
  return pair.ok ? {} : { confirm: pair.reason };
}

/** The problems found, in the error summary's form: words and the field to fix. */
export function pinSummary(errors: PinErrors, t: LockMessages): SummaryError[] {
  const out: SummaryError[] = [];
  if (errors.pin) out.push({ text: lockProblemText(errors.pin, t), fieldId: CHOOSE_PIN_ID });
  if (errors.confirm) out.push({ text: lockProblemText(errors.confirm, t), fieldId: CONFIRM_PIN_ID });
  return out;
}

export type PinFieldsProps = {
  pin: string;
  confirm: string;
  errors: PinErrors;
  onPin(value: string): void;
  onConfirm(value: string): void;
};

export function PinFields({ pin, confirm, errors, onPin, onConfirm }: PinFieldsProps) {
  const t = useLockText();
  return (
    <>
      <TextField
        kind="secret"
        keypad="numeric"
        id={CHOOSE_PIN_ID}
        label={t.lock.choosePin}
        hint={t.lock.choosePinHint}
        error={errors.pin && lockProblemText(errors.pin, t)}
        value={pin}
        onInput={onPin}
      />
      <TextField
        kind="secret"
        keypad="numeric"
        id={CONFIRM_PIN_ID}
        label={t.lock.confirmPin}
        error={errors.confirm && lockProblemText(errors.confirm, t)}
        value={confirm}
        onInput={onConfirm}
      />
    </>
  );
}
