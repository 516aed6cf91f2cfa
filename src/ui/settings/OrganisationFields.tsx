// Settings: the organisation and staff details the introduction uses, and the session's focus theme.
import type { Settings } from '../../domain/settings.ts';
import { Field } from '../shared/Field.tsx';

type TextSetting =
  | 'organisation'
  | 'organisationPostcode'
  | 'serviceName'
  | 'staffName'
  | 'staffRole'
  | 'focusTheme';

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
  { key: 'serviceName', label: 'Service name', hint: 'The ward, clinic or team you are collecting for.' },
  { key: 'staffName', label: 'Staff name', hint: 'Used in the introduction and to record who took consent.' },
  { key: 'staffRole', label: 'Staff role', hint: 'For example: volunteer, staff nurse.' },
  { key: 'focusTheme', label: 'Focus theme', hint: 'A theme a manager asked you to focus on (optional).' },
];

export function OrganisationFields({ draft, errors, onUpdate }: OrganisationFieldsProps) {
  return (
    <fieldset>
      <legend>Organisation and staff</legend>
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
