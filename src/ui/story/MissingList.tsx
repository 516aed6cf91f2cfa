// What still stops a story from being sent, each item a way to the step that fixes it.
import type { MissingItem } from '../../domain/story/sendReadiness.ts';
import { STEPS, type StepIndex } from '../../domain/story/steps.ts';
import { missingText } from '../../domain/words/fieldWords.ts';
import { useText } from '../shared/text.ts';

export type MissingListProps = { missing: readonly MissingItem[]; onGo(step: StepIndex): void };

export function MissingList({ missing, onGo }: MissingListProps) {
  const t = useText();
  if (missing.length === 0) return null;
  return (
    <section class="note note-warn" aria-labelledby="missing-title">
      <h2 id="missing-title">{t.story.stillNeeded}</h2>
      <ul class="missing">
        {missing.map((item) => (
          <li key={item.field}>
            <button type="button" class="link-button" onClick={() => onGo(item.step)}>
              {missingText(item.problem, t)}{' '}
              <span class="missing-step">{t.story.goTo(t.steps.titles[STEPS[item.step]])}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
