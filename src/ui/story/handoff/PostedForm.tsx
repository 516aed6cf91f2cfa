// "I have posted it": the story's address on Care Opinion (or its number) is the only proof the app
// takes; anything else is refused with the reason. Once recorded, the clipboard is overwritten.

import { useId, useState } from 'preact/hooks';
import { exampleStoryAddress } from '../../../domain/regions/regions.ts';
import { storyReasonText } from '../../../domain/words/sendWords.ts';
import { useApp, useSendActions } from '../../actions.ts';
import { useText } from '../../shared/text.ts';

export type PostedFormProps = { id: string; clearClipboard: () => Promise<void> };

export function PostedForm({ id, clearClipboard }: PostedFormProps) {
  const { state } = useApp();
  const actions = useSendActions();
  const t = useText();
  const fieldId = useId();
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const handleSubmit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await actions.postedByHand(id, address);
    setBusy(false);
    if (!result.ok)
      return setProblem(
        'problem' in result ? t.handoff.address[result.problem] : storyReasonText(result.reason, t),
      );
    // The story's text and the storyteller's details must not stay on the clipboard either.
    await clearClipboard().catch(() => undefined); // the clipboard refused: best effort
  };
  return (
    <form class="handoff-posted" onSubmit={(e) => void handleSubmit(e)} noValidate>
      <div class={problem ? 'field field-error' : 'field'}>
        <label for={fieldId}>{t.handoff.addressLabel}</label>
        <p class="field-hint" id={`${fieldId}-hint`}>
          {t.handoff.addressHint(exampleStoryAddress(state.settings.value.region, t.format.language))}
        </p>
        <input
          dir="auto"
          id={fieldId}
          aria-describedby={problem ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          value={address}
          onInput={(e) => {
            setAddress(e.currentTarget.value);
            setProblem(null);
          }}
        />
        {problem && (
          <p class="field-message" id={`${fieldId}-error`} role="alert">
            {problem}
          </p>
        )}
      </div>
      <button type="submit" class="button button-primary" disabled={busy}>
        {t.handoff.posted}
      </button>
    </form>
  );
}
