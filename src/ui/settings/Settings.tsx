// Settings: where this device sends stories, and the organisation's details. Loaded lazily.

import { RegionSchema } from '../../domain/settings/settings.ts';
import { setupNoteText } from '../../domain/words/settingsWords.ts';
import { useApp } from '../actions.ts';
import { ErrorSummary, type SummaryError } from '../shared/ErrorSummary.tsx';
import { Field } from '../shared/Field.tsx';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { ConnectionTest } from './ConnectionTest.tsx';
import { DeliveryFields } from './DeliveryFields.tsx';
import { DirectorySection } from './DirectorySection.tsx';
import { DisplayFields } from './DisplayFields.tsx';
import { RECOVERY_CODE_ID, settingsFieldId } from './fieldIds.ts';
import { LanguageField } from './LanguageField.tsx';
import { OrganisationFields } from './OrganisationFields.tsx';
import { PolicyFields } from './PolicyFields.tsx';
import { RelayConnect } from './RelayConnect.tsx';
import { useSettingsForm } from './useSettingsForm.ts';

export function Settings() {
  const { state } = useApp();
  const t = useText();
  // Sealed settings open just after the unlock: the form starts from them, not from the defaults.
  if (!state.settingsReady.value) return <p role="status">{t.settings.opening}</p>;
  // Connecting to a relay saves the settings itself: the form starts again from them (never a stale
  // draft that would undo the connection on Save). A Save of the form itself keeps its message.
  return <SettingsForm key={state.settings.value.relayToken} />;
}

function SettingsForm() {
  const { state } = useApp();
  const form = useSettingsForm();
  const t = useText();
  const { draft, errors, message, update } = form;
  const summary: SummaryError[] = Object.entries(errors).map(([key, text]) => ({
    text,
    fieldId: settingsFieldId(key as keyof typeof errors),
  }));
  if (form.codeError) summary.unshift({ text: form.codeError, fieldId: RECOVERY_CODE_ID });
  const handleSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit();
  };
  return (
    <main class="screen" aria-labelledby="settings-title">
      <header class="screen-header">
        <h1 id="settings-title">{t.settings.title}</h1>
        <a class="button button-secondary" href="/">
          {t.settings.home}
        </a>
      </header>
      {state.setupNote.value && <p class="note">{setupNoteText(state.setupNote.value, t)}</p>}
      {/* Saved at once, apart from the form's Save. */}
      <LanguageField />
      <DisplayFields />
      <form onSubmit={handleSubmit} noValidate>
        <ErrorSummary errors={summary} attempt={form.attempt} />
        <fieldset>
          <legend>{t.settings.connection}</legend>
          <TextField
            kind="url"
            id={settingsFieldId('apiAddress')}
            label={t.settings.apiAddress}
            hint={t.settings.apiAddressHint}
            error={errors.apiAddress}
            value={draft.apiAddress}
            onInput={(apiAddress) => update({ apiAddress })}
          />
          {draft.relayToken === '' && (
            <TextField
              kind="secret"
              label={t.settings.key}
              hint={state.settings.value.key === '' ? t.settings.keyHint : t.settings.keySaved}
              value={draft.key}
              onInput={(key) => update({ key })}
            />
          )}
          <ConnectionTest apiAddress={draft.apiAddress} apiKey={draft.key} keptKey={form.typed.key} />
          {form.needsCode && (
            <TextField
              kind="code"
              id={RECOVERY_CODE_ID}
              label={t.settings.recoveryCode}
              hint={t.settings.recoveryCodeHint}
              error={form.codeError}
              value={form.recoveryCode}
              onInput={form.setRecoveryCode}
            />
          )}
        </fieldset>
        <DeliveryFields draft={draft} errors={errors} onUpdate={update} />
        <RelayConnect recoveryCode={form.recoveryCode} needsCode={form.needsCode} />
        <fieldset>
          <legend>{t.settings.device}</legend>
          <Field label={t.settings.region}>
            {(id) => (
              <select
                id={id}
                value={draft.region}
                onChange={(e) => update({ region: RegionSchema.parse(e.currentTarget.value) })}
              >
                {RegionSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {t.settings.regions[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <OrganisationFields draft={draft} errors={errors} onUpdate={update} />
        <PolicyFields value={form.policy} errors={errors} onUpdate={form.updatePolicy} />
        <button type="submit" class="button button-primary">
          {t.settings.save}
        </button>
        {message && (
          <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'message-ok' : 'message-error'}>
            {message.text}
          </p>
        )}
      </form>
      <DirectorySection />
    </main>
  );
}
