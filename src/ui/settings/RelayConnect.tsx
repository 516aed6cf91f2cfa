// Settings → "Connect to a relay": the relay's address and the one-time enrolment code from the
// organisation's Care Opinion lead (or both from the QR code's link). The token it returns is kept
// sealed with the settings; the subscription key is then never on this iPad.
import { useState } from 'preact/hooks';
import { readRelayAddress } from '../../domain/settings/relay.ts';
import { saveProblemText } from '../../domain/words/settingsWords.ts';
import { useApp, useSettingsActions } from '../actions.ts';
import { TextField } from '../shared/TextField.tsx';
import { useText } from '../shared/text.ts';
import { useShowWhenAsked } from './showWhenAsked.ts';

export type RelayConnectProps = { recoveryCode: string; needsCode: boolean };

export function RelayConnect({ recoveryCode, needsCode }: RelayConnectProps) {
  const { state } = useApp();
  const actions = useSettingsActions();
  const t = useText();
  const shown = useShowWhenAsked<HTMLFieldSetElement>('#relay'); // Home links here
  const pending = state.pendingEnrolment.value;
  const saved = state.settings.value;
  // On a relay already: "Connect again" (after a revoke) keeps its address and asks only for a code.
  const savedRelay = saved.relayToken === '' ? '' : relayOrigin(saved.apiAddress);
  const [relay, setRelay] = useState(pending?.relay ?? savedRelay);
  const [code, setCode] = useState(pending?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A relay the deployment does not name needs the recovery code: asked for here once the relay
  // said so, unless the form above already asks for it.
  const [askCode, setAskCode] = useState(false);
  const [ownCode, setOwnCode] = useState('');
  const connected = state.settings.value.relayToken !== '';
  const handleConnect = async () => {
    setBusy(true);
    setMessage(null);
    const recovery = needsCode ? recoveryCode : ownCode;
    const result = await actions.connectRelay(relay, code, recovery || undefined);
    if (!result.ok && result.reason === 'relayNeedsCode') setAskCode(true);
    setBusy(false);
    setMessage(
      result.ok
        ? { ok: true, text: t.settings.relayDone }
        : { ok: false, text: saveProblemText(result.reason, t) },
    );
    if (result.ok) setCode('');
  };
  return (
    <fieldset id="relay" ref={shown}>
      <legend>{t.settings.relay}</legend>
      {connected && (
        <p class="note">
          <bdi>{t.settings.relayConnected(state.settings.value.apiAddress)}</bdi>
        </p>
      )}
      {pending && !connected && <p class="note">{t.settings.relayOffer(pending.relay)}</p>}
      <TextField
        kind="url"
        label={t.settings.relayAddress}
        hint={t.settings.relayAddressHint}
        value={relay}
        onInput={setRelay}
      />
      <TextField
        kind="code"
        label={t.settings.enrolmentCode}
        hint={t.settings.enrolmentCodeHint}
        value={code}
        onInput={setCode}
      />
      {askCode && !needsCode && (
        <TextField
          kind="code"
          label={t.settings.recoveryCode}
          hint={t.settings.recoveryCodeHint}
          value={ownCode}
          onInput={setOwnCode}
        />
      )}
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

function relayOrigin(apiAddress: string): string {
  const relay = readRelayAddress(apiAddress);
  return relay.ok ? relay.origin : '';
}
