// Settings: the posted-on-behalf threshold (typed as a percentage) and the auto-lock time. Numbers are
// kept as typed and checked with the settings schema on Save.
import type { PolicyText } from '../../domain/settings/settingsForm.ts';
import { Field } from '../shared/Field.tsx';
import { useText } from '../shared/text.ts';

export type { PolicyText };

export type PolicyFieldsProps = {
  value: PolicyText;
  errors: { onBehalfThreshold?: string | undefined; autoLockMinutes?: string | undefined };
  onUpdate(patch: Partial<PolicyText>): void;
};

export function PolicyFields({ value, errors, onUpdate }: PolicyFieldsProps) {
  const t = useText();
  return (
    <fieldset>
      <legend>{t.settings.policies}</legend>
      <Field label={t.settings.threshold} hint={t.settings.thresholdHint} error={errors.onBehalfThreshold}>
        {(id, describedBy) => (
          <input
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            type="text"
            inputMode="decimal"
            value={value.thresholdPercent}
            onInput={(e) => onUpdate({ thresholdPercent: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field label={t.settings.autoLock} hint={t.settings.autoLockHint} error={errors.autoLockMinutes}>
        {(id, describedBy) => (
          <input
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            type="text"
            inputMode="numeric"
            value={value.autoLockMinutes}
            onInput={(e) => onUpdate({ autoLockMinutes: e.currentTarget.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
