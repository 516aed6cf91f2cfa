// Step 2: the storyteller's own words in the guide's order — what was good, what could have been
// different (each with an open follow-up shown as an example), anything else about what happened,
// then what they would call the story (its first words offered) — with a live word count that never
// cuts, and the story's focus theme for staff.

import { Fragment } from 'preact';
import { checkLength } from '../../../domain/fields/wordCount.ts';
import type { Draft } from '../../../domain/story/story.ts';
import { suggestedTitle } from '../../../domain/story/submissionBody.ts';
import { lengthWarning } from '../../../domain/words/fieldWords.ts';
import { storyText } from '../../../domain/words/storyWords.ts';
import { useHandedOver } from '../../handover/handover.ts';
import { StaffOnly } from '../../handover/StaffOnly.tsx';
import { TextField } from '../../shared/TextField.tsx';
import { useText } from '../../shared/text.ts';
import { FIELD_ID } from '../MissingList.tsx';
import { useWordCountAnnouncement } from '../useStoryAnnouncements.ts';
import { FocusThemeField } from './FocusThemeField.tsx';

export type StoryStepProps = { draft: Draft; onChange(next: Draft): void };

type Question = 'whatWasGood' | 'whatCouldBeDifferent';
const QUESTIONS: readonly Question[] = ['whatWasGood', 'whatCouldBeDifferent'];

export function StoryStep({ draft, onChange }: StoryStepProps) {
  const t = useText();
  const words = t.steps.story;
  const staff = !useHandedOver();
  const length = checkLength(storyText(draft));
  const warning = lengthWarning(length, t);
  useWordCountAnnouncement(length.words);
  return (
    <section aria-labelledby="step-title" class="story-step">
      <h2 id="step-title">{t.steps.titles.story}</h2>
      <div class="story-columns">
        <div>
          <StaffOnly>
            <p class="hint">{words.answerOne}</p>
          </StaffOnly>
          {QUESTIONS.map((key) => (
            <Fragment key={key}>
              <TextField
                kind="multiline"
                // "Still needed: the story" links to the first of the guide's questions.
                id={key === 'whatWasGood' ? FIELD_ID.body : undefined}
                rows={4}
                label={words.questions[key]}
                value={draft[key]}
                onInput={(value) => onChange({ ...draft, [key]: value })}
              />
              {/* A tip for staff, after the field: the question and its field come first on the view. */}
              {staff && <p class="hint follow-up">{words.followUp[key]}</p>}
            </Fragment>
          ))}
          <TextField
            kind="multiline"
            rows={6}
            label={words.questions.body}
            value={draft.body}
            onInput={(body) => onChange({ ...draft, body })}
          />
          <TitleField draft={draft} onChange={onChange} />
          <p class={length.over ? 'word-count word-count-over' : 'word-count'}>
            {t.story.words(length.words)}
            {warning ? ` — ${warning}` : ''}
          </p>
          <StaffOnly>
            <FocusThemeField draft={draft} onChange={onChange} />
          </StaffOnly>
        </div>
        <StaffOnly>
          <Prompts />
        </StaffOnly>
      </div>
    </section>
  );
}

/** "What would you call this story?", with the story's first words offered as a one-tap title. */
function TitleField({ draft, onChange }: StoryStepProps) {
  const words = useText().steps.story;
  const suggestion = suggestedTitle(draft);
  return (
    <>
      <TextField
        kind="text"
        id={FIELD_ID.title}
        label={words.questions.title}
        need="required"
        hint={words.titleHint}
        value={draft.title}
        onInput={(title) => onChange({ ...draft, title })}
      />
      {suggestion !== '' && suggestion !== draft.title.trim() && (
        <p>
          <button type="button" class="secondary" onClick={() => onChange({ ...draft, title: suggestion })}>
            {words.useSuggestion(suggestion)}
          </button>
        </p>
      )}
    </>
  );
}

function Prompts() {
  const words = useText().steps.story;
  return (
    <aside class="prompts" aria-labelledby="prompts-title">
      <h3 id="prompts-title">{words.promptsTitle}</h3>
      <ul>
        {words.prompts.map((prompt) => (
          <li key={prompt}>{prompt}</li>
        ))}
      </ul>
    </aside>
  );
}
