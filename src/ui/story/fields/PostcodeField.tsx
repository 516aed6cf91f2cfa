// The storyteller's postcode, checked for the device's region and tidied when the field is left, with
// one tap to use the service's (or the organisation's) postcode instead.
import { useState } from 'preact/hooks';
import { checkPostcode, normalisePostcode } from '../../../domain/fields/postcode.ts';
import type { Region } from '../../../domain/settings/settings.ts';
import { postcodeProblem } from '../../../domain/words/fieldWords.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { useAnnounceChange } from '../../shared/announce.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { useText } from '../../shared/text.ts';
import { noAutocorrect, PRIVATE_TYPING } from './privateTyping.ts';
import { WhyWeAsk } from './WhyWeAsk.tsx';

export type PostcodeFieldProps = {
  value: string;
  region: Region;
  offer: string | null;
  onChange(value: string): void;
};

export function PostcodeField({ value, region, offer, onChange }: PostcodeFieldProps) {
  const t = useText();
  const [checked, setChecked] = useState(false);
  const handedOver = useHandedOver();
  const check = checkPostcode(value, region);
  const problem = checked && value.trim() !== '' && !check.ok ? postcodeProblem(check, t) : null;
  useAnnounceChange(problem);
  const handleBlur = () => {
    setChecked(true);
    if (value.trim() !== '') {
      const tidy = normalisePostcode(value, region);
      if (tidy !== value) onChange(tidy);
    }
  };
  return (
    <div class={problem ? 'field field-error' : 'field'}>
      <label for="author-postcode">
        {t.storyteller.postcodeLabel}
        <NeedMark need="required" />
      </label>
      <p class="field-hint" id="author-postcode-hint">
        {t.storyteller.postcodeHint}
      </p>
      <div class="inline-row">
        <input
          id="author-postcode"
          type="text"
          {...PRIVATE_TYPING}
          ref={noAutocorrect}
          aria-describedby="author-postcode-hint author-postcode-check"
          aria-invalid={problem ? true : undefined}
          value={value}
          onInput={(e) => onChange(e.currentTarget.value)}
          onBlur={handleBlur}
        />
        <button
          type="button"
          disabled={offer === null}
          aria-describedby="author-postcode-offer"
          onClick={() => offer && onChange(normalisePostcode(offer, region))}
        >
          {t.storyteller.useServicePostcode}
        </button>
      </div>
      <p class="field-hint" id="author-postcode-offer">
        {handedOver
          ? t.handover.postcodeOffer
          : offer === null
            ? t.storyteller.noServicePostcode
            : t.storyteller.servicePostcodeInstead}
      </p>
      <p id="author-postcode-check" class="field-message">
        {problem}
      </p>
      <WhyWeAsk text={t.steps.whyWeAsk.postcode} />
    </div>
  );
}
