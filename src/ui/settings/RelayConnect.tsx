// Settings → "Connect to a relay": the relay's address and the one-time enrolment code from the
// organisation's Care Opinion lead (or both from the QR code's link). The token it returns is kept
// sealed with the settings; the subscription key is then never on this iPad.
import { useState } from 'preact/hooks';
import { useApp } from '../actions.ts';
import { Field } from '../shared/Field.tsx';

export type RelayConnectProps = { recoveryCode: string; needsCode: boolean };

export function RelayConnect({ recoveryCode }: RelayConnectProps) {
  const { state, actions } = useApp();
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
        ? { ok: true, text: 'This iPad is connected to the relay.' }
        : { ok: false, text: result.reason },
    );
    if (result.ok) setCode('');
  };
  return (
    <fieldset>
      <legend>Connect to a relay</legend>
      {connected && (
        <p class="note">
          Stories go through your organisation's relay at{' '}
          <span dir="auto">{state.settings.value.apiAddress}</span>. No subscription key is kept on this iPad.
        </p>
      )}
      {pending && !connected && <p class="note">Connect this iPad to the relay at {pending.relay}?</p>}
      <Field
        label="Relay address"
        hint="From your organisation's Care Opinion lead, for example relay.example.nhs.uk."
      >
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
      <Field label="Enrolment code" hint="A one-time code, valid for an hour.">
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
        Connect
      </button>
      {busy && <p role="status">Connecting to the relay…</p>}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'message-ok' : 'message-error'}>
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
