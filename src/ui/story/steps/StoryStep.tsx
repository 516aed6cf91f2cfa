// Step 2: the storyteller's own words — title, what happened, what was good, what could have been
// different — with open follow-up prompts beside them and a live word count that never cuts.

import { checkLength } from '../../../domain/fields/wordCount.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { lengthWarning } from '../../../domain/words/fieldWords.ts';
import { storyText } from '../../../domain/words/storyWords.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useText } from '../../shared/text.ts';
import { FIELD_ID } from '../MissingList.tsx';
import { useWordCountAnnouncement } from '../useStoryAnnouncements.ts';

export type StoryStepProps = { draft: Draft; onChange(next: Draft): void };

type TextKey = 'body' | 'whatWasGood' | 'whatCouldBeDifferent';
const AREAS: readonly TextKey[] = ['body', 'whatWasGood', 'whatCouldBeDifferent'];

export function StoryStep({ draft, onChange }: StoryStepProps) {
  const t = useText();
  const words = t.steps.story;
  const length = checkLength(storyText(draft));
  const warning = lengthWarning(length, t);
  useWordCountAnnouncement(length.words);
  return (
    <section aria-labelledby="step-title" class="story-step">
      <h2 id="step-title">{t.steps.titles.story}</h2>
      <div class="story-columns">
        <div>
          <TextField
            kind="text"
            id={FIELD_ID.title}
            label={words.questions.title}
            need="required"
            hint={words.titleHint}
            value={draft.title}
            onInput={(title) => onChange({ ...draft, title })}
          />
          {AREAS.map((key) => (
            <TextField
              key={key}
              kind="multiline"
              id={key === 'body' ? FIELD_ID.body : undefined}
              rows={key === 'body' ? 8 : 4}
              label={words.questions[key]}
              need={key === 'body' ? 'required' : 'optional'}
              value={draft[key]}
              onInput={(value) => onChange({ ...draft, [key]: value })}
            />
          ))}
          <p class={length.over ? 'word-count word-count-over' : 'word-count'}>
            {t.story.words(length.words)}
            {warning ? ` — ${warning}` : ''}
          </p>
        </div>
        <StaffOnly>
          <aside class="prompts" aria-labelledby="prompts-title">
            <h3 id="prompts-title">{words.promptsTitle}</h3>
            <ul>
              {words.prompts.map((prompt) => (
                <li key={prompt}>{prompt}</li>
              ))}
            </ul>
          </aside>
        </StaffOnly>
      </div>
    </section>
  );
}
