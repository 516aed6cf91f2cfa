// On the Lock screen, before anyone unlocks a shared iPad: one button to the other language
// ("Cymraeg" while in English, "English" while in Welsh), named in that language.

import { useState } from 'preact/hooks';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp, useSettingsActions } from '../actions.ts';
import { LANGUAGE_NAME, useText } from '../shared/text.ts';

export function LanguageSwitch() {
  const { state } = useApp();
  const actions = useSettingsActions();
  const t = useText();
  const [problem, setProblem] = useState<string | null>(null);
  // The words shown are the language in use; the stored display preferences are read only to save.
  const other = t.format.language === 'cy' ? 'en-GB' : 'cy';
  const handleClick = async () => {
    setProblem(null);
    const result = await actions.saveDisplay({ ...state.display.value, language: other });
    if (!result.ok) setProblem(saveProblemText(result.reason, t));
  };
  return (
    <div class="language-switch">
      <button type="button" class="button-quiet" lang={other} onClick={() => void handleClick()}>
        {t.common[LANGUAGE_NAME[other]]}
      </button>
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </div>
  );
}
