// The read-back before consent and sending: every answer as plain text, email and postcode masked.
// The story part is exactly what Care Opinion receives, in the guide's order: the two answers, the
// body (the narrative, or the answers when nothing else was told: submissionBody.ts), the title.
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import { maskEmail } from '../../domain/fields/email.ts';
import { maskPostcode } from '../../domain/fields/postcode.ts';
import type { Draft } from '../../domain/story/story.ts';
import { bodyIsBuilt, bodyToSend } from '../../domain/story/submissionBody.ts';
import { ageGroupLabel, storytellerRoleText } from '../../domain/words/storyWords.ts';
import { useHandedOver } from '../handover/handover.ts';
import { useText } from '../shared/text.ts';

export type ReadBackProps = { draft: Draft };

export function ReadBack({ draft }: ReadBackProps) {
  const t = useText();
  const { author } = draft;
  const label = t.story.fields;
  // Hand-over mode: the storyteller's words, no staff role, no on-behalf words, no focus theme.
  const handedOver = useHandedOver();
  const role = handedOver ? storytellerRoleText(author, t) : t.storyteller.roles[author.role];
  const noEmail = handedOver ? t.handover.noEmailReadBack : t.story.noEmailOnBehalf;
  const rows: [string, string][] = [
    [label.whatWasGood, draft.whatWasGood],
    [label.whatCouldBeDifferent, draft.whatCouldBeDifferent],
    [label.body, bodyToSend(draft)],
    [label.title, draft.title],
    [label.services, draft.services.map(serviceLabel).join('; ')],
    [label.username, author.username],
    [label.postcode, maskPostcode(author.postcode)],
    [label.email, author.noEmail ? noEmail : maskEmail(author.email)],
    [label.role, role],
    [label.ageGroup, ageGroupLabel(author.ageGroup, t)],
  ];
  if (!handedOver) rows.push([label.focusTheme, draft.focusTheme?.trim() || t.story.noFocusTheme]);
  const built = bodyIsBuilt(draft);
  return (
    <dl class="read-back">
      {rows.map(([name, value]) => (
        <div key={name} class="read-back-row">
          <dt>{name}</dt>
          <dd dir="auto">{value.trim() === '' ? t.story.notGivenYet : value}</dd>
          {built && name === label.body && <dd class="hint read-back-note">{t.story.bodyFromAnswers}</dd>}
        </div>
      ))}
    </dl>
  );
}
