// The read-back before consent and sending: every answer as plain text, email and postcode masked.
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import { maskEmail } from '../../domain/fields/email.ts';
import { maskPostcode } from '../../domain/fields/postcode.ts';
import type { Draft } from '../../domain/story/story.ts';
import { ageGroupLabel } from '../../domain/words/storyWords.ts';
import { useText } from '../shared/text.ts';

export type ReadBackProps = { draft: Draft };

export function ReadBack({ draft }: ReadBackProps) {
  const t = useText();
  const { author } = draft;
  const label = t.story.fields;
  const rows: [string, string][] = [
    [label.title, draft.title],
    [label.body, draft.body],
    [label.whatWasGood, draft.whatWasGood],
    [label.whatCouldBeDifferent, draft.whatCouldBeDifferent],
    [label.services, draft.services.map(serviceLabel).join('; ')],
    [label.username, author.username],
    [label.postcode, maskPostcode(author.postcode)],
    [label.email, author.noEmail ? t.story.noEmailOnBehalf : maskEmail(author.email)],
    [label.role, t.storyteller.roles[author.role]],
    [label.ageGroup, ageGroupLabel(author.ageGroup, t)],
    [label.focusTheme, draft.focusTheme ?? ''],
  ];
  return (
    <dl class="read-back">
      {rows.map(([name, value]) => (
        <div key={name} class="read-back-row">
          <dt>{name}</dt>
          <dd dir="auto">{value.trim() === '' ? t.story.notGivenYet : value}</dd>
        </div>
      ))}
    </dl>
  );
}
