// The storyteller's anonymous username, checked while typing: offensive words and contact details block,
// everything else warns with the reason and a suggestion (the common-names list is loaded lazily).
import { useEffect, useState } from 'preact/hooks';
import { checkUsername } from '../../../domain/fields/username.ts';
import { usernameReasonText } from '../../../domain/words/fieldWords.ts';
import { useStoryActions } from '../../actions.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { useAnnounceChange } from '../../shared/announce.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { useText } from '../../shared/text.ts';
import { noAutocorrect, PRIVATE_TYPING } from './privateTyping.ts';
import { WhyWeAsk } from './WhyWeAsk.tsx';

export type UsernameFieldProps = { value: string; email: string; onChange(value: string): void };

export function UsernameField({ value, email, onChange }: UsernameFieldProps) {
  const actions = useStoryActions();
  const t = useText();
  const [names, setNames] = useState<ReadonlySet<string> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    actions.loadCommonNames().then(
      (set) => live && setNames(set),
      () => undefined, // without the list, the other checks still run
    );
    return () => {
      live = false;
    };
  }, [actions]);
  const check = checkUsername(value, { email, ...(names ? { commonNames: names } : {}) });
  const reasons = check.block ? [check.block] : check.warnings;
  const handedOver = useHandedOver();
  useAnnounceChange(reasons.map((reason) => usernameReasonText(reason, t)).join(' ') || null);
  return (
    <div class={check.block ? 'field field-error' : 'field'}>
      <label for="author-username">
        {t.storyteller.usernameLabel}
        <NeedMark need="required" />
      </label>
      <p class="field-hint" id="author-username-hint">
        {handedOver ? t.handover.usernameHint : t.storyteller.usernameHint}
      </p>
      <input
        id="author-username"
        type="text"
        {...PRIVATE_TYPING}
        ref={noAutocorrect}
        aria-describedby="author-username-hint author-username-check"
        aria-invalid={check.block ? true : undefined}
        value={value}
        onInput={(e) => onChange(e.currentTarget.value)}
      />
      <div id="author-username-check">
        {reasons.map((reason) => (
          <p key={reason.code} class={check.block ? 'field-message' : 'field-warning'}>
            {usernameReasonText(reason, t)}
          </p>
        ))}
      </div>
      <WhyWeAsk text={t.steps.whyWeAsk.username} />
    </div>
  );
}
