// Settings → "Connect to a relay": the relay's address and the one-time enrolment code from the
// organisation's Care Opinion lead (or both from the QR code's link). The token it returns is kept
// sealed with the settings; the subscription key is then never on this iPad.
import { useState } from 'preact/hooks';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp } from '../actions.ts';
import { Field } from '../shared/Field.tsx';
import { useText } from '../shared/text.ts';

export type RelayConnectProps = { recoveryCode: string; needsCode: boolean };

export function RelayConnect({ recoveryCode }: RelayConnectProps) {
  const { state, actions } = useApp();
  const t = useText();
  const pending = state.pendingEnrolment.value;
  const [relay, setRelay] = useState(pending?.relay ?? '');
  const [code, setCode] = useState(pending?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const connected = state.settings.value.relayToken !== '';
  const handleConnect = async () => {
    setBusy(true);
    setMessage(null);
    const result = await actions.connectRelay(relay, code, recoveryCode || undefined);
    setBusy(false);
    setMessage(
      result.ok
        ? { ok: true, text: t.settings.relayDone }
        : { ok: false, text: saveProblemText(result.reason, t) },
    );
    if (result.ok) setCode('');
  };
  return (
    <fieldset>
      <legend>{t.settings.relay}</legend>
      {connected && (
        <p class="note">
          <bdi>{t.settings.relayConnected(state.settings.value.apiAddress)}</bdi>
        </p>
      )}
      {pending && !connected && <p class="note">{t.settings.relayOffer(pending.relay)}</p>}
      <Field label={t.settings.relayAddress} hint={t.settings.relayAddressHint}>
        {(id, describedBy) => (
          <input
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={relay}
            onInput={(e) => setRelay(e.currentTarget.value)}
          />
        )}
      </Field>
      <Field label={t.settings.enrolmentCode} hint={t.settings.enrolmentCodeHint}>
        {(id, describedBy) => (
          <input
            dir="auto"
            id={id}
            aria-describedby={describedBy}
            type="text"
            autoComplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        )}
      </Field>
      <button type="button" disabled={busy} onClick={() => void handleConnect()}>
        {t.settings.connect}
      </button>
      {busy && <p role="status">{t.settings.connecting}</p>}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'message-ok' : 'message-error'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
