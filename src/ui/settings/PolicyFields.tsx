// Settings: the posted-on-behalf threshold (typed as a percentage), the auto-lock time and, beside it,
// the long idle that ends a collecting session. Numbers are kept as typed and checked with the settings
// schema on Save.
import type { PolicyText } from '../../domain/settings/settingsForm.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { settingsFieldId } from './fieldIds.ts';

export type { PolicyText };

export type PolicyFieldsProps = {
  value: PolicyText;
  errors: {
    onBehalfThreshold?: string | undefined;
    autoLockMinutes?: string | undefined;
    sessionIdleHours?: string | undefined;
  };
  onUpdate(patch: Partial<PolicyText>): void;
};

export function PolicyFields({ value, errors, onUpdate }: PolicyFieldsProps) {
  const t = useText();
  return (
    <fieldset>
      <legend>{t.settings.policies}</legend>
      <TextField
        kind="number"
        keypad="decimal"
        id={settingsFieldId('onBehalfThreshold')}
        label={t.settings.threshold}
        hint={t.settings.thresholdHint}
        error={errors.onBehalfThreshold}
        value={value.thresholdPercent}
        onInput={(thresholdPercent) => onUpdate({ thresholdPercent })}
      />
      <TextField
        kind="number"
        id={settingsFieldId('autoLockMinutes')}
        label={t.settings.autoLock}
        hint={t.settings.autoLockHint}
        error={errors.autoLockMinutes}
        value={value.autoLockMinutes}
        onInput={(autoLockMinutes) => onUpdate({ autoLockMinutes })}
      />
      <TextField
        kind="number"
        keypad="decimal"
        label={t.settings.sessionIdle}
        hint={t.settings.sessionIdleHint}
        error={errors.sessionIdleHours}
        value={value.sessionIdleHours}
        onInput={(sessionIdleHours) => onUpdate({ sessionIdleHours })}
      />
    </fieldset>
  );
}
