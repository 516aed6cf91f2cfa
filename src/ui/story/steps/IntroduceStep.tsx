// Step 1: who the staff member is and why we collect stories, from the collecting session, with its theme.
import { guideOf } from '../../../domain/session/session.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { useApp } from '../../actions.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useText } from '../../shared/text.ts';

export type IntroduceStepProps = { draft: Draft; onChange(next: Draft): void };

export function IntroduceStep({ draft, onChange }: IntroduceStepProps) {
  const t = useText();
  const words = t.steps.introduce;
  const { state } = useApp();
  const settings = state.settings.value;
  const session = state.session.value;
  const guide = guideOf(session, settings.organisation, draft.focusTheme);
  const theme = guide.focusTheme ?? '';
  const script = words.script(guide);
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">{t.steps.titles.introduce}</h2>
      <StaffOnly>
        {/* The theme first: the words read out name it, and the field shows on the first view. */}
        <TextField
          kind="text"
          label={words.focusLabel}
          hint={words.focusHint}
          value={theme}
          onInput={(focusTheme) => onChange({ ...draft, focusTheme })}
        />
        <p class="hint">{words.readOut}</p>
        <blockquote class="script">{script}</blockquote>
        {settings.introduction.trim() !== '' && (
          <p class="script" dir="auto">
            {settings.introduction}
          </p>
        )}
        {session === null && <p class="hint">{t.session.introFrom}</p>}
      </StaffOnly>
    </section>
  );
}
