// Settings: where this device sends stories, and the organisation's details. Loaded lazily.
import { RegionSchema, type Settings as SettingsValue } from '../../domain/settings.ts';
import { useApp } from '../actions.ts';
import { Field } from '../shared/Field.tsx';
import { ConnectionTest } from './ConnectionTest.tsx';
import { DeliveryFields } from './DeliveryFields.tsx';
import { DirectorySection } from './DirectorySection.tsx';
import { DisplayFields } from './DisplayFields.tsx';
import { OrganisationFields } from './OrganisationFields.tsx';
import { PolicyFields } from './PolicyFields.tsx';
import { RelayConnect } from './RelayConnect.tsx';
import { useSettingsForm } from './useSettingsForm.ts';

const REGION_LABELS: Record<SettingsValue['region'], string> = {
  uk: 'United Kingdom',
  au: 'Australia',
  ie: 'Ireland',
  ca: 'Canada',
};

export function Settings() {
  const { state } = useApp();
  // Sealed settings open just after the unlock: the form starts from them, not from the defaults.
  if (!state.settingsReady.value) return <p role="status">Opening the settings…</p>;
  // Connecting to a relay saves the settings itself: the form starts again from them (never a stale
  // draft that would undo the connection on Save). A Save of the form itself keeps its message.
  return <SettingsForm key={state.settings.value.relayToken} />;
}

function SettingsForm() {
  const { state } = useApp();
  const form = useSettingsForm();
  const { draft, errors, message, update } = form;
  const handleSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit();
  };
  return (
    <main class="screen" aria-labelledby="settings-title">
      <header class="screen-header">
        <h1 id="settings-title">Settings</h1>
        <a class="button button-secondary" href="/">
          Home
        </a>
      </header>
      {state.setupNote.value && <p class="note">{state.setupNote.value}</p>}
      <DisplayFields />
      <form onSubmit={handleSubmit} noValidate>
        <fieldset>
          <legend>Care Opinion connection</legend>
          <Field
            label="API address"
            hint="The relay or Care Opinion address, up to and including /api/v2."
            error={errors.apiAddress}
          >
            {(id, describedBy) => (
              <input
                dir="auto"
                id={id}
                aria-describedby={describedBy}
                type="url"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                value={draft.apiAddress}
                onInput={(e) => update({ apiAddress: e.currentTarget.value })}
              />
            )}
          </Field>
          {draft.relayToken === '' && (
            <Field label="Subscription key" hint="Leave empty when the address is your organisation's relay.">
              {(id, describedBy) => (
                <input
                  dir="auto"
                  id={id}
                  aria-describedby={describedBy}
                  type="password"
                  autoComplete="off"
                  value={draft.key}
                  onInput={(e) => update({ key: e.currentTarget.value })}
                />
              )}
            </Field>
          )}
          <ConnectionTest apiAddress={draft.apiAddress} apiKey={draft.key} />
          {form.needsCode && (
            <Field
              label="Recovery code"
              hint="Changing where stories go needs this device's recovery code, from your organisation's Care Opinion lead."
            >
              {(id, describedBy) => (
                <input
                  dir="auto"
                  id={id}
                  aria-describedby={describedBy}
                  type="text"
                  autoComplete="off"
                  autocapitalize="characters"
                  spellcheck={false}
                  value={form.recoveryCode}
                  onInput={(e) => form.setRecoveryCode(e.currentTarget.value)}
                />
              )}
            </Field>
          )}
        </fieldset>
        <DeliveryFields draft={draft} errors={errors} onUpdate={update} />
        <RelayConnect recoveryCode={form.recoveryCode} needsCode={form.needsCode} />
        <fieldset>
          <legend>This device</legend>
          <Field label="Region">
            {(id) => (
              <select
                id={id}
                value={draft.region}
                onChange={(e) => update({ region: RegionSchema.parse(e.currentTarget.value) })}
              >
                {RegionSchema.options.map((r) => (
                  <option key={r} value={r}>
                    {REGION_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>
        <OrganisationFields draft={draft} errors={errors} onUpdate={update} />
        <PolicyFields value={form.policy} errors={errors} onUpdate={form.updatePolicy} />
        <button type="submit" class="button button-primary">
          Save
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
