// Settings: how this iPad shows the app — "Theme" and "Text size" — saved as soon as they are chosen
// (no Save needed) and applied at once. The language has its own field.

import { useState } from 'preact/hooks';
import { type Display, TEXT_SIZES, THEMES } from '../../domain/settings/display.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp, useSettingsActions } from '../actions.ts';
import { useAnnounce } from '../shared/announce.ts';
import { Field } from '../shared/Field.tsx';
import { useText } from '../shared/text.ts';

export function DisplayFields() {
  const { state } = useApp();
  const actions = useSettingsActions();
  const t = useText();
  const announce = useAnnounce();
  const [problem, setProblem] = useState<string | null>(null);
  const display = state.display.value;
  const themeWords: Record<Display['theme'], string> = {
    system: t.display.themeSystem,
    light: t.display.themeLight,
    dark: t.display.themeDark,
  };
  const save = async (patch: Partial<Display>) => {
    const result = await actions.saveDisplay({ ...state.display.value, ...patch });
    const problem = result.ok ? null : saveProblemText(result.reason, t);
    setProblem(problem);
    if (problem) announce(problem);
  };
  return (
    <fieldset>
      <legend>{t.display.title}</legend>
      <Field label={t.display.theme} hint={t.display.themeHint}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={display.theme}
            onChange={(e) => {
              const theme = THEMES.find((one) => one === e.currentTarget.value);
              if (theme) void save({ theme });
            }}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {themeWords[theme]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t.display.textSize} hint={t.display.textSizeHint}>
        {(id, describedBy) => (
          <select
            id={id}
            aria-describedby={describedBy}
            value={String(display.textSize)}
            onChange={(e) => {
              const textSize = TEXT_SIZES.find((size) => String(size) === e.currentTarget.value);
              if (textSize) void save({ textSize });
            }}
          >
            {TEXT_SIZES.map((size) => (
              <option key={size} value={String(size)}>
                {t.display.percent(size)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {problem && <p class="message-error">{problem}</p>}
    </fieldset>
  );
}
