// Settings: the organisation's details the introduction uses. Who is collecting, their services and
// focus theme are the collecting session's ("Start collecting" on Home), not a device setting.
import type { Settings } from '../../domain/settings/settings.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { settingsFieldId } from './fieldIds.ts';

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
        <TextField
          key={field.key}
          kind="text"
          id={settingsFieldId(field.key)}
          label={field.label}
          hint={field.hint}
          error={errors[field.key]}
          value={draft[field.key]}
          onInput={(value) => onUpdate({ [field.key]: value })}
        />
      ))}
      <TextField
        kind="multiline"
        rows={3}
        label={t.settings.introduction}
        hint={t.settings.introductionHint}
        value={draft.introduction}
        onInput={(introduction) => onUpdate({ introduction })}
      />
    </fieldset>
  );
}
