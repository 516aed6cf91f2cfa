// Settings: the organisation's details the introduction uses. Who is collecting, their services and
// focus theme are the collecting session's ("Start collecting" on Home), not a device setting.
import type { Messages } from '../../domain/messages/index.ts';
import type { Settings } from '../../domain/settings.ts';
import { Field } from '../shared/Field.tsx';
import { useText } from '../shared/text.ts';

type TextSetting = 'organisation' | 'organisationPostcode';

export type OrganisationFieldsProps = {
  draft: Settings;
  errors: Partial<Record<keyof Settings, string>>;
  onUpdate(patch: Partial<Settings>): void;
};

const FIELDS: readonly TextSetting[] = ['organisation', 'organisationPostcode'];

const hintOf = (words: Messages['settings'], key: TextSetting): string | undefined =>
  key === 'organisation' ? undefined : words[`${key}Hint`];

export function OrganisationFields({ draft, errors, onUpdate }: OrganisationFieldsProps) {
  const t = useText();
  return (
    <fieldset>
      <legend>{t.settings.organisationLegend}</legend>
      <p class="hint">{t.session.inSettings}</p>
      {FIELDS.map((key) => (
        <Field key={key} label={t.settings[key]} hint={hintOf(t.settings, key)} error={errors[key]}>
          {(id, describedBy) => (
            <input
              dir="auto"
              id={id}
              aria-describedby={describedBy}
              type="text"
              value={draft[key]}
              onInput={(e) => onUpdate({ [key]: e.currentTarget.value })}
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
