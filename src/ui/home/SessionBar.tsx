// Home's collecting session: who is collecting now, with "End session"; after the last session ended
// at midnight or after the long idle, "Still Sam, Staff Nurse, on Elderly Care?" with "Carry on" (one
// tap) and "Start afresh"; or, with nobody collecting, "Start collecting" (its form is a screen of its
// own, loaded on use). Nothing until the session is read back after an unlock.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { serviceLabel } from '../../domain/directory/serviceLabel.ts';
import type { CollectingSession } from '../../domain/session/session.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp, useSessionActions } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function SessionBar() {
  const { state } = useApp();
  const session = state.session.value;
  const lapsed = state.lapsedSession.value;
  // Just unlocked, the session not read back yet (tens of milliseconds): nothing rather than a
  // "Start collecting" that turns into "Collecting as …" under the nurse's finger.
  if (!state.sessionKnown.value) return null;
  if (session) return <Collecting session={session} />;
  if (lapsed) return <StillCollecting lapsed={lapsed} />;
  return <NobodyCollecting />;
}

function NobodyCollecting() {
  const { route } = useLocation();
  const t = useText();
  return (
    <section class="note" aria-label={t.session.startCollecting}>
      <p>{t.session.noSession}</p>
      <button type="button" class="button-primary" onClick={() => route('/session')}>
        {t.session.startCollecting}
      </button>
    </section>
  );
}

function StillCollecting({ lapsed }: { lapsed: CollectingSession }) {
  const actions = useSessionActions();
  const { route } = useLocation();
  const t = useText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const services = t.format.list(lapsed.services.map(serviceLabel));
  const question = t.session.stillCollecting(lapsed.name, lapsed.role, services);
  const handleCarryOn = async () => {
    setBusy(true);
    const result = await actions.carryOn();
    setBusy(false);
    if (!result.ok)
      setProblem('missing' in result ? t.session.nameMissing : saveProblemText(result.reason, t));
  };
  const handleAfresh = async () => {
    await actions.startAfresh();
    route('/session');
  };
  return (
    <section class="note" aria-label={question}>
      <p>
        <strong dir="auto">{question}</strong>
      </p>
      <p class="hint">{t.session.carryOnHint}</p>
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
      <div class="button-row">
        <button type="button" class="button-primary" disabled={busy} onClick={() => void handleCarryOn()}>
          {t.session.carryOn}
        </button>
        <button type="button" disabled={busy} onClick={() => void handleAfresh()}>
          {t.session.startAfresh}
        </button>
      </div>
    </section>
  );
}

function Collecting({ session }: { session: CollectingSession }) {
  const actions = useSessionActions();
  const t = useText();
  const [ending, setEnding] = useState(false);
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
