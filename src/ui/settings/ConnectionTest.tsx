// Settings' "Test connection" — the saved connection, or the address and key as typed, never the
// saved key to a typed address (domain/settings/connection.ts) — and the shared-device key warning.
import { useState } from 'preact/hooks';
import { needsDirectKeyWarning } from '../../domain/settings/connection.ts';
import { checkApiAddress } from '../../domain/settings/settings.ts';
import { settingsProblemText } from '../../domain/words/settingsWords.ts';
import { useErrors, useSettingsActions } from '../actions.ts';
import { useText } from '../shared/text.ts';

/** `apiKey` as typed (the field starts empty); `keptKey`, the key Save would keep, for the warning. */
export type ConnectionTestProps = { apiAddress: string; apiKey: string; keptKey: string };

export function ConnectionTest({ apiAddress, apiKey, keptKey }: ConnectionTestProps) {
  const actions = useSettingsActions();
  const { reportError } = useErrors();
  const t = useText();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const warning = needsDirectKeyWarning(apiAddress, keptKey) ? t.settings.directKeyWarning : null;
  const handleTest = async () => {
    // Never send the key anywhere but a valid address.
    const address = checkApiAddress(apiAddress);
    if (!address.ok) {
      setResult(settingsProblemText(address.reason, t));
      return;
    }
    setBusy(true);
    setResult(null);
    const verdict = await actions.testConnection(address.address, apiKey.trim()).catch((error: unknown) => {
      reportError(error); // the test answers in verdicts: a throw is unexpected
      return 'unreachable' as const;
    });
    setResult(t.settings.connectionResult[verdict]);
    setBusy(false);
  };
  return (
    <div class="connection-test">
      {warning && <p class="message-warn">{warning}</p>}
      <button type="button" onClick={() => void handleTest()} disabled={busy}>
        {t.settings.testConnection}
      </button>
      <p role="status" aria-live="polite">
        {busy ? t.settings.testing : (result ?? '')}
      </p>
    </div>
  );
}
