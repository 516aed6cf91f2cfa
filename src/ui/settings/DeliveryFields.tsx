// Settings: "How stories reach Care Opinion": sent by themselves through the API address above, or
// posted by a person on Care Opinion's website (hand-off), and the optional invitation link.
import { deliveryMode, type Settings } from '../../domain/settings.ts';
import { Field } from '../shared/Field.tsx';

export type DeliveryFieldsProps = {
  draft: Settings;
  errors: Partial<Record<keyof Settings, string>>;
  onUpdate(patch: Partial<Settings>): void;
};

export function DeliveryFields({ draft, errors, onUpdate }: DeliveryFieldsProps) {
  const mode = deliveryMode(draft);
  const noAddress = draft.apiAddress.trim() === '';
  return (
    <fieldset>
      <legend>How stories reach Care Opinion</legend>
      <label class="check-row">
        <input
          type="radio"
          name="delivery"
          checked={mode === 'automatic'}
          disabled={noAddress}
          onChange={() => onUpdate({ delivery: 'automatic' })}
        />
        Send them automatically
      </label>
      {noAddress && <p class="field-hint">Sending automatically needs an API address (above).</p>}
      <label class="check-row">
        <input
          type="radio"
          name="delivery"
          checked={mode === 'by-hand'}
          onChange={() => onUpdate({ delivery: 'by-hand' })}
        />
        Post them on the Care Opinion website myself
      </label>
      <Field
        label="Invitation link"
        hint="Optional: your organisation’s Care Opinion invitation link. Without it, “Open Care Opinion” opens your region’s “Tell your story” page."
        error={errors.invitationLink}
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
            value={draft.invitationLink}
            onInput={(e) => onUpdate({ invitationLink: e.currentTarget.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}
