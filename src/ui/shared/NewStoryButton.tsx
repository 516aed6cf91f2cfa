// "New story": creates a draft on the device, then opens it.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useApp } from '../actions.ts';
import { useText } from './text.ts';

export type NewStoryButtonProps = { large?: boolean };

export function NewStoryButton({ large = false }: NewStoryButtonProps) {
  const { actions } = useApp();
  const t = useText();
  const { route } = useLocation();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleClick = async () => {
    setBusy(true);
    setProblem(null);
    try {
      route(`/story/${await actions.createStory()}`);
    } catch {
      setProblem(t.send.newStoryFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class={large ? 'button-primary button-large' : 'button-primary'}
        disabled={busy}
        onClick={() => void handleClick()}
      >
        {t.send.newStory}
      </button>
      {problem && (
        <p role="alert" class="message-error">
          {problem}
        </p>
      )}
    </>
  );
}
