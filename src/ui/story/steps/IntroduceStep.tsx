// Step 1: who the staff member is and why we collect stories, from Settings, with the session's theme.
import { introductionScript } from '../../../domain/steps.ts';
import type { Draft } from '../../../domain/story.ts';
import { useApp } from '../../actions.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { Field } from '../../shared/Field.tsx';

export type IntroduceStepProps = { draft: Draft; onChange(next: Draft): void };

export function IntroduceStep({ draft, onChange }: IntroduceStepProps) {
  const { state } = useApp();
  const settings = state.settings.value;
  const theme = draft.focusTheme ?? settings.focusTheme;
  const script = introductionScript({ ...settings, focusTheme: theme });
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">Introduce</h2>
      <StaffOnly>
        <p class="hint">Read this out, in your own words.</p>
        <blockquote class="script">{script}</blockquote>
        {settings.introduction.trim() !== '' && (
          <p class="script" dir="auto">
            {settings.introduction}
          </p>
        )}
        {settings.staffName.trim() === '' && (
          <p class="hint">
            Your name, role and service come from <a href="/settings">Settings</a>.
          </p>
        )}
        <Field
          label="Focus theme for this story (optional)"
          hint="A theme a manager or service asked you to focus on."
        >
          {(id, describedBy) => (
            <input
              dir="auto"
              id={id}
              aria-describedby={describedBy}
              type="text"
              value={theme}
              onInput={(e) => onChange({ ...draft, focusTheme: e.currentTarget.value })}
            />
          )}
        </Field>
      </StaffOnly>
    </section>
  );
}
