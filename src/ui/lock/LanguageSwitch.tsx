// On the Lock screen, before anyone unlocks a shared iPad: one button to the other language
// ("Cymraeg" while in English, "English" while in Welsh), named in that language. In the first
// download: it saves through the display port, not through Settings (loaded behind the Lock screen).

import { useState } from 'preact/hooks';
import { LANGUAGE_NAME, useLockText } from '../shared/text.ts';
import { useDisplayPort } from './displayPort.ts';

export function LanguageSwitch() {
  const port = useDisplayPort();
  const t = useLockText();
  const [problem, setProblem] = useState<string | null>(null);
  // The words shown are the language in use; the stored display preferences are read only to save.
  const other = t.format.language === 'cy' ? 'en-GB' : 'cy';
  const handleClick = async () => {
    setProblem(null);
    const result = await port.save({ ...port.display.value, language: other });
    if (!result.ok) setProblem(t.common[result.reason]);
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
