// Settings: the organisation's details the introduction uses. Who is collecting, their services and
// focus theme are the collecting session's ("Start collecting" on Home), not a device setting.
import type { Settings } from '../../domain/settings.ts';
import { Field } from '../shared/Field.tsx';

type TextSetting = 'organisation' | 'organisationPostcode';

export type OrganisationFieldsProps = {
  draft: Settings;
  errors: Partial<Record<keyof Settings, string>>;
  onUpdate(patch: Partial<Settings>): void;
};

const FIELDS: readonly { key: TextSetting; label: string; hint?: string }[] = [
  { key: 'organisation', label: 'Organisation name' },
  {
    key: 'organisationPostcode',
    label: 'Organisation postcode',
    hint: "Offered by “Use the service's postcode” when the chosen service has none.",
  },
];

export function OrganisationFields({ draft, errors, onUpdate }: OrganisationFieldsProps) {
  return (
    <fieldset>
      <legend>Organisation</legend>
      {FIELDS.map((field) => (
        <Field key={field.key} label={field.label} hint={field.hint} error={errors[field.key]}>
          {(id, describedBy) => (
            <input
              dir="auto"
              id={id}
              aria-describedby={describedBy}
              type="text"
              value={draft[field.key]}
              onInput={(e) => onUpdate({ [field.key]: e.currentTarget.value })}
            />
          )}
        </Field>
      ))}
      <Field
        label="Introduction text"
        hint="Read out after the app’s introduction: anything your organisation wants said (optional)."
      >
        {(id, describedBy) => (
          <textarea
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            rows={3}
            value={draft.introduction}
            onInput={(e) => onUpdate({ introduction: e.currentTarget.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
