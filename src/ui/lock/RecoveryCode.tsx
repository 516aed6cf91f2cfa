// The one-time recovery code, shown once after a PIN is set: who it is for and what it can do.
import { useLockText } from '../shared/text.ts';

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
  const t = useLockText();
  return (
    <main class="screen" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t.lock.recoveryTitle}</h1>
      <p>{t.lock.recoveryGive}</p>
      <p>{t.lock.recoveryWhat}</p>
      <p class="card" style={CODE_STYLE} translate={false}>
        {code}
      </p>
      <button type="button" class="button-primary button-large" onClick={onSaved}>
        {t.lock.recoverySaved}
      </button>
    </main>
  );
}
