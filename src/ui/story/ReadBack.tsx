// The read-back before consent and sending: every answer as plain text, email and postcode masked.
import { maskEmail } from '../../domain/email.ts';
import { maskPostcode } from '../../domain/postcode.ts';
import type { Draft } from '../../domain/story.ts';
import { ageGroupLabel, ROLE_LABELS } from '../../domain/storyWords.ts';

export type ReadBackProps = { draft: Draft };

const NOT_GIVEN = 'Not given yet';

export function ReadBack({ draft }: ReadBackProps) {
  const { author } = draft;
  const rows: [string, string][] = [
    ['What was your story about', draft.title],
    ['What happened', draft.body],
    ['What was good', draft.whatWasGood],
    ['What could have been different', draft.whatCouldBeDifferent],
    ['Services', draft.services.map((service) => service.name).join('; ')],
    ['Username', author.username],
    ['Postcode', maskPostcode(author.postcode)],
    ['Email address', author.noEmail ? 'No email address (posted on behalf)' : maskEmail(author.email)],
    ['Who is telling the story', ROLE_LABELS[author.role]],
    ['Age group', ageGroupLabel(author.ageGroup)],
    ['Focus theme', draft.focusTheme ?? ''],
  ];
  return (
    <dl class="read-back">
      {rows.map(([label, value]) => (
        <div key={label} class="read-back-row">
          <dt>{label}</dt>
          <dd dir="auto">{value.trim() === '' ? NOT_GIVEN : value}</dd>
        </div>
      ))}
    </dl>
  );
}
