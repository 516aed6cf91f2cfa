// The storyteller's email address, or "No email address" — which makes the story posted on behalf,
// with a non-blocking warning when that would take the device's share over the threshold.
import { useState } from 'preact/hooks';
import { checkEmail } from '../../../domain/fields/email.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { useAnnounceChange } from '../../shared/announce.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { useText } from '../../shared/text.ts';
import { OnBehalfWarning } from '../OnBehalfWarning.tsx';
import { noAutocorrect, PRIVATE_TYPING } from './privateTyping.ts';
import { WhyWeAsk } from './WhyWeAsk.tsx';

export type EmailFieldProps = {
  email: string;
  noEmail: boolean;
  onChange(next: { email: string; noEmail: boolean }): void;
};

export function EmailField({ email, noEmail, onChange }: EmailFieldProps) {
  const t = useText();
  const handedOver = useHandedOver();
  const [left, setLeft] = useState(false);
  const check = checkEmail(email, noEmail);
  const problem =
    left && !noEmail && email.trim() !== '' && !check.ok ? t.storyteller.email[check.code] : null;
  useAnnounceChange(problem);
  return (
    <div class={problem ? 'field field-error' : 'field'}>
      <label for="author-email">
        {t.storyteller.emailLabel}
        <NeedMark need="required" />
      </label>
      <p class="field-hint" id="author-email-hint">
        {t.storyteller.emailHint}
      </p>
      <input
        id="author-email"
        type="email"
        inputMode="email"
        {...PRIVATE_TYPING}
        ref={noAutocorrect}
        disabled={noEmail}
        aria-describedby="author-email-hint author-email-check"
        aria-invalid={problem ? true : undefined}
        value={email}
        onInput={(e) => onChange({ email: e.currentTarget.value, noEmail })}
        onBlur={() => setLeft(true)}
      />
      <p id="author-email-check" class="field-message">
        {problem}
      </p>
      <label class="check-row">
        <input
          type="checkbox"
          checked={noEmail}
          onChange={(e) =>
            onChange({ email: e.currentTarget.checked ? '' : email, noEmail: e.currentTarget.checked })
          }
        />
        <span>{t.storyteller.noEmail}</span>
      </label>
      {noEmail && (
        <>
          <p class="note">{handedOver ? t.handover.noEmailNote : t.storyteller.onBehalfNote}</p>
          <OnBehalfWarning />
        </>
      )}
      <WhyWeAsk text={t.steps.whyWeAsk.email} />
    </div>
  );
}
