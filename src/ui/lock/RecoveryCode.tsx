// The one-time recovery code, shown once after a PIN is set: who it is for and what it can do.
export type RecoveryCodeProps = { code: string; onSaved(): void };

// Inline because the code must read well at a glance; set through the DOM (CSSOM), which a
// Content Security Policy without 'unsafe-inline' still allows.
const CODE_STYLE = {
  fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
  fontSize: '2rem',
  letterSpacing: '0.08em',
  wordBreak: 'break-word',
  userSelect: 'all',
} as const;

export function RecoveryCode({ code, onSaved }: RecoveryCodeProps) {
  return (
    <main class="screen" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Recovery code</h1>
      <p>
        Give this code to your organisation's Care Opinion lead, or write it down for them. Keep it away from
        this device.
      </p>
      <p>
        If the PIN is forgotten, this code sets a new one without losing any stories waiting to be sent. It is
        shown only this once.
      </p>
      <p class="card" style={CODE_STYLE} translate={false}>
        {code}
      </p>
      <button type="button" class="button-primary button-large" onClick={onSaved}>
        I have saved the code
      </button>
    </main>
  );
}
