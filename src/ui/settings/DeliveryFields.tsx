// Settings: "How stories reach Care Opinion": sent by themselves through the API address above,
// posted by a person on Care Opinion's website (hand-off), or — through a relay that has one — sealed
// to the organisation's posting desk (issue 27), and the optional invitation link.
import { deskOffered } from '../../domain/settings/relay.ts';
import { deliveryMode, type Settings } from '../../domain/settings/settings.ts';
import { useApp } from '../actions.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { settingsFieldId } from './fieldIds.ts';
import { useShowWhenAsked } from './showWhenAsked.ts';

export type DeliveryFieldsProps = {
  draft: Settings;
  errors: Partial<Record<keyof Settings, string>>;
  onUpdate(patch: Partial<Settings>): void;
};

export function DeliveryFields({ draft, errors, onUpdate }: DeliveryFieldsProps) {
  const mode = deliveryMode(draft);
  const t = useText();
  const shown = useShowWhenAsked<HTMLFieldSetElement>('#delivery'); // Home links here
  const noAddress = draft.apiAddress.trim() === '';
  // Offered through a relay with a desk; still shown while chosen, so the choice is never hidden. The
  // desk key is the device's own for the same relay (learnt with a status report while the form is open).
  const saved = useApp().state.settings.value;
  const relayDeskKey = draft.apiAddress === saved.apiAddress ? saved.relayDeskKey : draft.relayDeskKey;
  const desk = deskOffered({ relayToken: draft.relayToken, relayDeskKey }) || mode === 'desk';
  return (
    <fieldset id="delivery" ref={shown}>
      <legend>{t.settings.delivery}</legend>
      <label class="check-row">
        <input
          type="radio"
          name="delivery"
          checked={mode === 'automatic'}
          disabled={noAddress}
          onChange={() => onUpdate({ delivery: 'automatic' })}
        />
        {t.settings.automatic}
      </label>
      {noAddress && <p class="field-hint">{t.settings.automaticNeedsAddress}</p>}
      <label class="check-row">
        <input
          type="radio"
          name="delivery"
          checked={mode === 'by-hand'}
          // Shown checked without an address; a tap still records it as chosen (Home stops saying
          // the iPad has nowhere to send: domain/settings/destination.ts).
          onClick={() => onUpdate({ delivery: 'by-hand' })}
        />
        {t.settings.byHand}
      </label>
      {desk && (
        <label class="check-row">
          <input
            type="radio"
            name="delivery"
            checked={mode === 'desk'}
            disabled={noAddress}
            onChange={() => onUpdate({ delivery: 'desk' })}
          />
          {t.settings.desk}
        </label>
      )}
      {desk && mode === 'desk' && <p class="field-hint">{t.settings.deskNote}</p>}
      <TextField
        kind="url"
        id={settingsFieldId('invitationLink')}
        label={t.settings.invitationLink}
        hint={t.settings.invitationLinkHint}
        error={errors.invitationLink}
        value={draft.invitationLink}
        onInput={(invitationLink) => onUpdate({ invitationLink })}
      />
    </fieldset>
  );
}
