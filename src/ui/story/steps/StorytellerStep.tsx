// Step 4: about the storyteller — username, postcode, email or "No email address", who is telling the
// story (in hand-over mode the storyteller's own choice, see WhoIsTelling) and an optional age group,
// each with a "Why do we ask?" note.
import type { Draft } from '../../../domain/story/story.ts';
import { AGE_GROUPS, postcodeToOffer } from '../../../domain/words/storyWords.ts';
import { useApp } from '../../actions.ts';
import { useText } from '../../shared/text.ts';
import { EmailField } from '../fields/EmailField.tsx';
import { PostcodeField } from '../fields/PostcodeField.tsx';
import { UsernameField } from '../fields/UsernameField.tsx';
import { WhyWeAsk } from '../fields/WhyWeAsk.tsx';
import { WhoIsTelling } from './WhoIsTelling.tsx';

export type StorytellerStepProps = {
  draft: Draft;
  onChange(next: Draft): void;
  /** Why Next stayed on this step, in words (hand-over mode: who is telling the story). */
  whoError?: string | undefined;
};

export function StorytellerStep({ draft, onChange, whoError }: StorytellerStepProps) {
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
      <WhoIsTelling author={author} error={whoError} onChange={setAuthor} />
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
