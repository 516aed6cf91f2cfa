// Step 2: the storyteller's own words — title, what happened, what was good, what could have been
// different — with open follow-up prompts beside them and a live word count that never cuts.

import { checkLength } from '../../../domain/fields/wordCount.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { lengthWarning } from '../../../domain/words/fieldWords.ts';
import { storyText } from '../../../domain/words/storyWords.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { Field } from '../../shared/Field.tsx';
import { useText } from '../../shared/text.ts';
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
          <Field label={words.questions.title} need="required" hint={words.titleHint}>
            {(id, describedBy) => (
              <input
                dir="auto"
                id={id}
                aria-describedby={describedBy}
                type="text"
                spellcheck={false}
                value={draft.title}
                onInput={(e) => onChange({ ...draft, title: e.currentTarget.value })}
              />
            )}
          </Field>
          {AREAS.map((key) => (
            <Field key={key} label={words.questions[key]} need={key === 'body' ? 'required' : 'optional'}>
              {(id, describedBy) => (
                <textarea
                  dir="auto"
                  id={id}
                  aria-describedby={describedBy}
                  rows={key === 'body' ? 8 : 4}
                  spellcheck={false}
                  value={draft[key]}
                  onInput={(e) => onChange({ ...draft, [key]: e.currentTarget.value })}
                />
              )}
            </Field>
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
