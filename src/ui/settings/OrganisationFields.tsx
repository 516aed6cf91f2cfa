// Settings: the organisation's details the introduction uses. Who is collecting, their services and
// focus theme are the collecting session's ("Start collecting" on Home), not a device setting.
import type { Settings } from '../../domain/settings/settings.ts';
import { Field } from '../shared/Field.tsx';
import { useText } from '../shared/text.ts';

export type OrganisationFieldsProps = {
  draft: Settings;
  errors: Partial<Record<keyof Settings, string>>;
  onUpdate(patch: Partial<Settings>): void;
};

export function OrganisationFields({ draft, errors, onUpdate }: OrganisationFieldsProps) {
  const t = useText();
  const fields = [
    { key: 'organisation', label: t.settings.organisation, hint: undefined },
    {
      key: 'organisationPostcode',
      label: t.settings.organisationPostcode,
      hint: t.settings.organisationPostcodeHint,
    },
  ] as const;
  return (
    <fieldset>
      <legend>{t.settings.organisationLegend}</legend>
      <p class="hint">{t.session.inSettings}</p>
      {fields.map((field) => (
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
      <Field label={t.settings.introduction} hint={t.settings.introductionHint}>
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
