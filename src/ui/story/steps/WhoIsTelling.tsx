// "Who is telling the story". Staff choose from every role (the default is "Patient or service user").
// In hand-over mode the storyteller makes the choice, in their own words ("I am a carer"), with no
// staff role and nothing chosen for them: Next waits for it (domain/story/steps.ts stepProblem).
import { type Draft, ROLES, RoleSchema, STORYTELLER_ROLES } from '../../../domain/story/story.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { NeedMark } from '../../shared/NeedMark.tsx';
import { useText } from '../../shared/text.ts';

/** The first choice: Next's error sends focus here. */
export const WHO_FIRST = 'author-role-first';

export type WhoIsTellingProps = {
  author: Draft['author'];
  /** Why Next stayed on the step, in words (hand-over mode). */
  error?: string | undefined;
  onChange(patch: Pick<Draft['author'], 'role' | 'roleChosen'>): void;
};

export function WhoIsTelling({ author, error, onChange }: WhoIsTellingProps) {
  const t = useText();
  if (useHandedOver()) return <StorytellerChoice author={author} error={error} onChange={onChange} />;
  return (
    <div class="field">
      <label for="author-role">{t.steps.storyteller.role}</label>
      <select
        id="author-role"
        value={author.role}
        onChange={(e) => onChange({ role: RoleSchema.parse(e.currentTarget.value), roleChosen: true })}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t.storyteller.roles[role]}
          </option>
        ))}
      </select>
    </div>
  );
}

function StorytellerChoice({ author, error, onChange }: WhoIsTellingProps) {
  const t = useText();
  const chosen = author.roleChosen === true ? author.role : null;
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={error ? 'author-role-hint author-role-error' : 'author-role-hint'}
    >
      <legend>
        {t.handover.whoLegend}
        <NeedMark need="required" />
      </legend>
      <p class="field-hint" id="author-role-hint">
        {t.handover.whoHint}
      </p>
      {error && (
        <p class="field-message" id="author-role-error">
          {error}
        </p>
      )}
      {STORYTELLER_ROLES.map((role, index) => (
        <label class="check-row" key={role}>
          <input
            type="radio"
            name="author-role"
            id={index === 0 ? WHO_FIRST : undefined}
            checked={chosen === role}
            onChange={() => onChange({ role, roleChosen: true })}
          />
          {t.handover.roles[role]}
        </label>
      ))}
    </fieldset>
  );
}
