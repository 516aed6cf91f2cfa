// Step 4: about the storyteller — username, postcode, email or "No email address", who is telling the
// story and an optional age group, each with a "Why do we ask?" note.
import { type Draft, ROLES, RoleSchema } from '../../../domain/story/story.ts';
import { AGE_GROUPS, postcodeToOffer } from '../../../domain/words/storyWords.ts';
import { useApp } from '../../actions.ts';
import { useText } from '../../shared/text.ts';
import { EmailField } from '../fields/EmailField.tsx';
import { PostcodeField } from '../fields/PostcodeField.tsx';
import { UsernameField } from '../fields/UsernameField.tsx';
import { WhyWeAsk } from '../fields/WhyWeAsk.tsx';

export type StorytellerStepProps = { draft: Draft; onChange(next: Draft): void };

export function StorytellerStep({ draft, onChange }: StorytellerStepProps) {
  const t = useText();
  const words = t.steps.storyteller;
  const { state } = useApp();
  const settings = state.settings.value;
  const { author } = draft;
  const setAuthor = (patch: Partial<Draft['author']>) =>
    onChange({ ...draft, author: { ...author, ...patch } });
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">{t.steps.titles.storyteller}</h2>
      <UsernameField
        value={author.username}
        email={author.email}
        onChange={(username) => setAuthor({ username })}
      />
      <PostcodeField
        value={author.postcode}
        region={settings.region}
        offer={postcodeToOffer(draft.services, settings.organisationPostcode)}
        onChange={(postcode) => setAuthor({ postcode })}
      />
      <EmailField email={author.email} noEmail={author.noEmail} onChange={(next) => setAuthor(next)} />
      <div class="field">
        <label for="author-role">{words.role}</label>
        <select
          id="author-role"
          value={author.role}
          onChange={(e) => setAuthor({ role: RoleSchema.parse(e.currentTarget.value) })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t.storyteller.roles[role]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="author-age">{words.ageGroup}</label>
        <select
          id="author-age"
          value={author.ageGroup ?? ''}
          onChange={(e) => setAuthor({ ageGroup: e.currentTarget.value || undefined })}
        >
          <option value="">{t.story.notGiven}</option>
          {AGE_GROUPS.map((group) => (
            <option key={group} value={group}>
              {t.storyteller.ageGroups[group]}
            </option>
          ))}
        </select>
        <WhyWeAsk text={t.steps.whyWeAsk.role} />
      </div>
    </section>
  );
}
