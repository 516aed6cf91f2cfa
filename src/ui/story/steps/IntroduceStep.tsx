// Step 1: who the staff member is and why we collect stories, from the collecting session, with the
// story's focus theme (chosen on the Story step, FocusThemeField.tsx; the session's by default).
import { guideOf } from '../../../domain/session/session.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { useApp } from '../../actions.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { useText } from '../../shared/text.ts';

export type IntroduceStepProps = { draft: Draft; onChange(next: Draft): void };

export function IntroduceStep({ draft }: IntroduceStepProps) {
  const t = useText();
  const words = t.steps.introduce;
  const { state } = useApp();
  const settings = state.settings.value;
  const session = state.session.value;
  const guide = guideOf(session, settings.organisation, draft.focusTheme);
  const script = words.script(guide);
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">{t.steps.titles.introduce}</h2>
      <StaffOnly>
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
