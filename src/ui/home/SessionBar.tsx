// Home's collecting session: who is collecting now, with "End session"; or, with nobody collecting,
// "Start collecting" (its form is a screen of its own, loaded on use).

import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import { useApp, useSessionActions } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function SessionBar() {
  const { state } = useApp();
  const actions = useSessionActions();
  const { route } = useLocation();
  const t = useText();
  const [ending, setEnding] = useState(false);
  const session = state.session.value;
  if (!session) {
    return (
      <section class="note" aria-label={t.session.startCollecting}>
        <p>{t.session.noSession}</p>
        <button type="button" class="button-primary" onClick={() => route('/session')}>
          {t.session.startCollecting}
        </button>
      </section>
    );
  }
  const handleEnd = async () => {
    setEnding(true);
    try {
      await actions.endSession();
    } finally {
      setEnding(false);
    }
  };
  return (
    <section class="note" aria-label={t.session.collectingAs(session.name, session.role)}>
      <p>
        <strong dir="auto">{t.session.collectingAs(session.name, session.role)}</strong>
      </p>
      {session.services.length > 0 && (
        <p dir="auto">{t.session.servicesList(t.format.list(session.services.map(serviceLabel)))}</p>
      )}
      {session.theme !== '' && <p dir="auto">{t.session.focus(session.theme)}</p>}
      <p class="hint">{t.session.endsAt}</p>
      <button type="button" disabled={ending} onClick={() => void handleEnd()}>
        {t.session.endSession}
      </button>
    </section>
  );
}
