// Settings' "Test connection" for the address and key as typed, and the shared-device key warning.
import { useState } from 'preact/hooks';
import { CONNECTION_WORDS, directKeyWarning } from '../../domain/connection.ts';
import { useApp } from '../actions.ts';

export type ConnectionTestProps = { apiAddress: string; apiKey: string };

export function ConnectionTest({ apiAddress, apiKey }: ConnectionTestProps) {
  const { actions } = useApp();
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const warning = directKeyWarning(apiAddress, apiKey);
  const handleTest = async () => {
    setBusy(true);
    setResult(null);
    const verdict = await actions.testConnection(apiAddress.trim().replace(/\/+$/, ''), apiKey.trim());
    setResult(CONNECTION_WORDS[verdict]);
    setBusy(false);
  };
  return (
    <div class="connection-test">
      {warning && <p class="message-warn">{warning}</p>}
      <button type="button" onClick={() => void handleTest()} disabled={busy}>
        Test connection
      </button>
      <p role="status" aria-live="polite">
        {busy ? 'Testing the connection: asking Care Opinion for one service…' : (result ?? '')}
      </p>
    </div>
  );
}
