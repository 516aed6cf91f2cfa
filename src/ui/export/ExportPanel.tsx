// Home → "Export unsent stories" (issue 26), loaded when the button is used: the staff PIN again,
// then every story waiting to be sent sealed in one file for the relay, how many are in it, and the
// file handed over (ShareFile); only then are the stories marked "Exported". They stay on the iPad
// and are still sent from it.
import { useEffect, useState } from 'preact/hooks';
import type { ExportProblem } from '../../domain/send/sendProblem.ts';
import { exportProblemText } from '../../domain/words/sendWords.ts';
import { type ExportResult, useErrors, useSendActions } from '../actions.ts';
import { PinCheck } from '../handover/PinCheck.tsx';
import { focusHeading } from '../shared/focus.ts';
import { useText } from '../shared/text.ts';
import { ShareFile } from './ShareFile.tsx';

export type ExportPanelProps = { onClose(): void };

type Sealed = Extract<ExportResult, { ok: true }>;
type Step =
  | { kind: 'pin' }
  | { kind: 'sealing' }
  | { kind: 'ready'; file: Sealed }
  | { kind: 'marked'; file: Sealed }
  | { kind: 'failed'; reason: ExportProblem };

export function ExportPanel({ onClose }: ExportPanelProps) {
  const t = useText();
  const words = t.home.export;
  const actions = useSendActions();
  const { reportError } = useErrors();
  const [step, setStep] = useState<Step>({ kind: 'pin' });
  // The PIN form is gone once the file is sealed (or was not): focus goes to the panel's heading,
  // and the count or the reason after it is read next.
  useEffect(() => {
    if (step.kind === 'ready' || step.kind === 'failed')
      focusHeading(document.getElementById('export-title'));
  }, [step.kind]);
  const seal = async () => {
    setStep({ kind: 'sealing' });
    const result = await actions.exportUnsent();
    setStep(result.ok ? { kind: 'ready', file: result } : { kind: 'failed', reason: result.reason });
  };
  const handed = async (file: Sealed) => {
    await actions.markExported(file.stories);
    setStep({ kind: 'marked', file });
  };
  const done = (
    <button type="button" onClick={onClose}>
      {words.done}
    </button>
  );
  return (
    <section class="export-panel" aria-labelledby="export-title">
      <h2 id="export-title">{words.title}</h2>
      <p>{words.why}</p>
      {step.kind === 'pin' && (
        <PinCheck
          titleId="export-pin-title"
          words={{ ...words, title: words.pinTitle }}
          onConfirmed={() => void seal().catch(reportError)}
          onCancel={onClose}
        />
      )}
      {step.kind === 'sealing' && <p role="status">{words.sealing}</p>}
      {(step.kind === 'ready' || step.kind === 'marked') && (
        <p role="status" class="export-count">
          {words.inFile(step.file.stories.length, step.file.name)}
        </p>
      )}
      {step.kind === 'ready' && (
        <ShareFile
          name={step.file.name}
          bytes={step.file.bytes}
          onHanded={() => void handed(step.file).catch(reportError)}
        />
      )}
      {step.kind === 'marked' && (
        <>
          <p>{words.marked(step.file.stories.length)}</p>
          {done}
        </>
      )}
      {step.kind === 'failed' && (
        <>
          <p role="alert" class="message-error">
            {exportProblemText(step.reason, t)}
          </p>
          {done}
        </>
      )}
    </section>
  );
}
