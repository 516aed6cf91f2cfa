// The story's own focus theme (issue 24, item 10): the session's theme is the default, shown and
// changeable per story — kept, "No focus theme", or another theme typed for this story only. What is
// chosen here is what Care Opinion receives (`focusTheme`, left out when none). Staff only: the
// Story step wraps it in StaffOnly.
import { useState } from 'preact/hooks';
import type { Draft } from '../../../domain/story/story.ts';
import { useApp } from '../../actions.ts';
import { TextField } from '../../shared/TextField.tsx';
import { useText } from '../../shared/text.ts';

export type FocusThemeFieldProps = { draft: Draft; onChange(next: Draft): void };

type Choice = 'session' | 'none' | 'other';

function choiceOf(theme: string, sessionTheme: string): Choice {
  if (theme === '') return 'none';
  return theme === sessionTheme ? 'session' : 'other';
}

export function FocusThemeField({ draft, onChange }: FocusThemeFieldProps) {
  const t = useText();
  const words = t.steps.story.focus;
  const sessionTheme = (useApp().state.session.value?.theme ?? '').trim();
  const theme = (draft.focusTheme ?? '').trim();
  const [choice, setChoice] = useState<Choice>(() => choiceOf(theme, sessionTheme));
  const choose = (next: Choice) => {
    setChoice(next);
    const focusTheme =
      next === 'session' ? sessionTheme : next === 'other' && choice === 'other' ? theme : '';
    onChange({ ...draft, focusTheme });
  };
  const options: [Choice, string][] = [
    ...(sessionTheme === '' ? [] : [['session', sessionTheme] as [Choice, string]]),
    ['none', words.none],
    ['other', words.other],
  ];
  return (
    <fieldset class="focus-theme" aria-describedby="focus-theme-hint">
      <legend>{words.legend}</legend>
      <p class="hint" id="focus-theme-hint">
        {words.hint}
      </p>
      {options.map(([value, label]) => (
        <label class="check-row" key={value}>
          <input type="radio" name="focus-theme" checked={choice === value} onChange={() => choose(value)} />
          <span dir="auto">{label}</span>
        </label>
      ))}
      {choice === 'other' && (
        <TextField
          kind="text"
          label={words.otherLabel}
          value={draft.focusTheme ?? ''}
          onInput={(focusTheme) => onChange({ ...draft, focusTheme })}
        />
      )}
    </fieldset>
  );
}
