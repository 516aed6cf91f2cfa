// The story's save line: "Saved on this device" only after the write committed, "Saving…" while newer
// typing waits, and a red "not saved yet" with the reason when the device refused the write.
import type { StoryActionReason } from '../../domain/send/sendProblem.ts';
import type { Messages } from '../../domain/words/index.ts';
import { storyReasonText } from '../../domain/words/sendWords.ts';
import { useText } from '../shared/text.ts';
import type { SaveStatusValue } from './useAutosave.ts';
import { useSaveAnnouncement } from './useStoryAnnouncements.ts';

export type SaveStatusProps = { status: SaveStatusValue };

export function SaveStatus({ status }: SaveStatusProps) {
  const t = useText();
  useSaveAnnouncement(status);
  // Seen, not heard: the live region says "saved" once typing pauses (aria-live off, or every
  // pause in typing would be read as "Saving… Saved").
  return (
    <p role="status" aria-live="off" class={`save-status save-${status.kind}`}>
      {status.kind === 'not-started' && t.steps.notStarted}
      {status.kind === 'saved' && t.story.saved}
      {status.kind === 'saving' && t.story.saving}
      {status.kind === 'failed' && (
        <FailedText t={t} kind={status.failure.kind} reason={status.failure.reason} />
      )}
    </p>
  );
}

function FailedText({ t, kind, reason: code }: { t: Messages; kind: string; reason: StoryActionReason }) {
  const reason = storyReasonText(code, t);
  const why =
    kind === 'quota'
      ? t.story.storageFull
      : kind === 'connection-lost'
        ? t.story.storageStopped
        : reason || t.story.writeRefused;
  return (
    <>
      <strong>{t.story.notSaved}</strong> {why} {kind !== 'other' && reason !== why ? `(${reason}) ` : ''}
      {t.story.retrying}
    </>
  );
}
