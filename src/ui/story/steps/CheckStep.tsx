// Step 6: read everything back (email and postcode masked) and send — only when the domain says the
// story is complete and consented; otherwise list what is missing, each a way to its step.
import { useState } from 'preact/hooks';
import { checkQueueable, missingText } from '../../../domain/sendReadiness.ts';
import type { StepIndex } from '../../../domain/steps.ts';
import type { Draft } from '../../../domain/story.ts';
import { useApp } from '../../actions.ts';
import { useAnnounce } from '../../shared/announce.ts';
import { useText } from '../../shared/text.ts';
import { MissingList } from '../MissingList.tsx';
import { ReadBack } from '../ReadBack.tsx';

export type CheckStepProps = {
  id: string;
  draft: Draft;
  /** Saves the latest draft first: the queue must freeze what is on screen. True once written. */
  flush(): Promise<boolean>;
  onGo(step: StepIndex): void;
  onQueued(): void;
};

export function CheckStep({ id, draft, flush, onGo, onQueued }: CheckStepProps) {
  const { state, actions } = useApp();
  const t = useText();
  const settings = state.settings.value;
  const [busy, setBusy] = useState(false);
  const [problem, setShownProblem] = useState<string | null>(null);
  const announce = useAnnounce();
  const setProblem = (words: string | null) => {
    setShownProblem(words);
    if (words) announce(words);
  };
  const check = checkQueueable(draft, { recordedByDefault: settings.staffName, region: settings.region });
  const handleSend = async () => {
    setBusy(true);
    setProblem(null);
    // The queue freezes what is stored: never queue an older version than the one on screen.
    if (!(await flush())) {
      setBusy(false);
      setProblem(
        'The latest changes are not saved on this device yet, so the story was not sent. It is still on screen; try again in a moment.',
      );
      return;
    }
    const result = await actions.queueStory(id).catch(() => null);
    setBusy(false);
    if (result === null) {
      setProblem('The story was not put in the queue. It is still saved on this device; try again.');
      return;
    }
    if (result.ok) onQueued();
    else if ('missing' in result)
      setProblem(result.missing.map((item) => missingText(item.problem, t)).join(' '));
    else setProblem(`The story was not put in the queue: ${result.reason}`);
  };
  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title">Check and finish</h2>
      <p class="hint">Read the story back to the storyteller. Email and postcode are partly hidden.</p>
      <ReadBack draft={draft} />
      {!check.ok && <MissingList missing={check.missing} onGo={onGo} />}
      <button
        type="button"
        class="button-primary button-large"
        disabled={!check.ok || busy}
        aria-describedby={check.ok ? undefined : 'missing-title'}
        onClick={() => void handleSend()}
      >
        Send to Care Opinion
      </button>
      {busy && <p role="status">Saving and putting the story in the send queue…</p>}
      {problem && <p class="message-error">{problem}</p>}
    </section>
  );
}
