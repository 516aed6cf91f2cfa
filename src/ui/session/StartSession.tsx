// "Start collecting": who is collecting on this iPad now, the services of this session (pinned first in
// every story's service picker) and an optional focus theme. The name records who took consent.

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { DraftService } from '../../domain/story/story.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useSessionActions } from '../actions.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { ServicePicker } from '../story/services/ServicePicker.tsx';

export function StartSession() {
  const actions = useSessionActions();
  const { route } = useLocation();
  const t = useText();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [theme, setTheme] = useState('');
  const [services, setServices] = useState<DraftService[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await actions.startSession({ name, role, services, theme });
    setBusy(false);
    if (result.ok) route('/');
    else setProblem('missing' in result ? t.session.nameMissing : saveProblemText(result.reason, t));
  };
  return (
    <main class="screen" aria-labelledby="session-title">
      <header class="screen-header">
        <h1 id="session-title">{t.session.startCollecting}</h1>
      </header>
      <p class="hint">{t.session.startIntro}</p>
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <TextField
          kind="text"
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
          <ServicePicker chosen={services} onChange={setServices} />
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
