// Settings → "Language / Iaith": English or Cymraeg, saved at once (no Save needed) and applied to
// every screen and to <html lang>. Each language is named in itself, so anyone can find their own.

import { useState } from 'preact/hooks';
import { LANGUAGES, type Language } from '../../domain/words/index.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp, useSettingsActions } from '../actions.ts';
import { LANGUAGE_NAME, useText } from '../shared/text.ts';

export function LanguageField() {
  const { state } = useApp();
  const actions = useSettingsActions();
  const t = useText();
  const [problem, setProblem] = useState<string | null>(null);
  const choose = async (language: Language) => {
    setProblem(null);
    const result = await actions.saveDisplay({ ...state.display.value, language });
    if (!result.ok) setProblem(saveProblemText(result.reason, t));
  };
  return (
    <fieldset>
      <legend>{t.common.languageLabel}</legend>
      {LANGUAGES.map((language) => (
        <label class="check-row" key={language} lang={language}>
          <input
            type="radio"
            name="language"
            checked={t.format.language === language}
            onChange={() => void choose(language)}
          />
          {t.common[LANGUAGE_NAME[language]]}
        </label>
      ))}
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
