// "Needs attention": what Care Opinion refused, field by field in plain words, each with the way to
// the step that fixes it. Fixing it and sending again puts the story back in the queue.
import { placeField } from '../../../domain/send/fieldErrors.ts';
import { LAST_STEP, STEPS } from '../../../domain/story/steps.ts';
import { storyProblemText } from '../../../domain/words/sendWords.ts';
import type { StorySummary } from '../../actions.ts';
import { useText } from '../../shared/text.ts';

export type NeedsAttentionProps = { story: StorySummary; onFix(step: number): void };

export function NeedsAttention({ story, onFix }: NeedsAttentionProps) {
  const t = useText();
  const problems = story.fieldProblems ?? [];
  return (
    <div class="needs-attention">
      <p>
        {story.problem ? storyProblemText(story.problem, t) : t.story.notAccepted} {t.story.nothingPublished}
      </p>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => {
            const place = placeField(p.field);
            return (
              <li key={p.field}>
                <strong>{t.story.fields[place.label]}:</strong> {p.message || t.story.pleaseCheck}{' '}
                <button type="button" onClick={() => onFix(place.step)}>
                  {t.story.fixIn(t.steps.titles[STEPS[place.step]])}
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <button type="button" onClick={() => onFix(LAST_STEP)}>
          {t.story.checkTheStory}
        </button>
      )}
    </div>
  );
}
