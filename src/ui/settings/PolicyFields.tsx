// Settings: the posted-on-behalf threshold (typed as a percentage) and the auto-lock time. Numbers are
// kept as typed and checked with the settings schema on Save.
import { Field } from '../shared/Field.tsx';

export type PolicyText = { thresholdPercent: string; autoLockMinutes: string };

export type PolicyFieldsProps = {
  value: PolicyText;
  errors: { onBehalfThreshold?: string | undefined; autoLockMinutes?: string | undefined };
  onUpdate(patch: Partial<PolicyText>): void;
};

export function PolicyFields({ value, errors, onUpdate }: PolicyFieldsProps) {
  return (
    <fieldset>
      <legend>Policies</legend>
      <Field
        label="Posted-on-behalf threshold (%)"
        hint="Warn before stories posted by staff on behalf of someone go over this share. Usually 5."
        error={errors.onBehalfThreshold}
      >
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
      <Field
        label="Auto-lock after (minutes)"
        hint="Lock the app after this many idle minutes, 1 to 60."
        error={errors.autoLockMinutes}
      >
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
