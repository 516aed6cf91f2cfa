// "Start collecting": who is collecting on this iPad now, the services of this session (pinned first in
// every story's service picker) and an optional focus theme. The name records who took consent.

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { DraftService } from '../../domain/story/story.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useSessionActions } from '../actions.ts';
import { ErrorSummary } from '../shared/ErrorSummary.tsx';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { ServicePicker } from '../story/services/ServicePicker.tsx';

const NAME_ID = 'session-name';

export function StartSession() {
  const actions = useSessionActions();
  const { route } = useLocation();
  const t = useText();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [theme, setTheme] = useState('');
  const [services, setServices] = useState<DraftService[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // The GOV.UK pattern: the missing name on its field, and in the summary that takes the focus.
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setNameError(undefined);
    const result = await actions.startSession({ name, role, services, theme });
    setBusy(false);
    if (result.ok) route('/');
    else if ('missing' in result) {
      setNameError(t.session.nameMissing);
      setAttempt(attempt + 1);
    } else setProblem(saveProblemText(result.reason, t));
  };
  return (
    <main class="screen" aria-labelledby="session-title">
      <header class="screen-header">
        <h1 id="session-title">{t.session.startCollecting}</h1>
      </header>
      <p class="hint">{t.session.startIntro}</p>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <ErrorSummary errors={nameError ? [{ text: nameError, fieldId: NAME_ID }] : []} attempt={attempt} />
        <TextField
          kind="text"
          id={NAME_ID}
          error={nameError}
          required
          label={t.session.yourName}
          hint={t.session.yourNameHint}
          value={name}
          onInput={setName}
        />
        <TextField
          kind="text"
          label={t.session.yourRole}
          hint={t.session.yourRoleHint}
          value={role}
          onInput={setRole}
        />
        <fieldset>
          <legend>{t.session.services}</legend>
          <p class="hint">{t.session.servicesHint}</p>
          <ServicePicker chosen={services} onChange={setServices} need="optional" />
        </fieldset>
        <TextField
          kind="text"
          label={t.session.theme}
          hint={t.session.themeHint}
          value={theme}
          onInput={setTheme}
        />
        {problem && (
          <p role="alert" class="message-error">
            {problem}
          </p>
        )}
        <div class="button-row">
          <button type="submit" class="button-primary button-large" disabled={busy}>
            {t.session.startCollecting}
          </button>
          <a class="button button-secondary" href="/">
            {t.session.cancel}
          </a>
        </div>
      </form>
    </main>
  );
}
