// The story's save line: "Saved on this device" only after the write committed, "Saving…" while newer
// typing waits, and a red "not saved yet" with the reason when the device refused the write.
import type { SaveStatusValue } from './useAutosave.ts';
import { useSaveAnnouncement } from './useStoryAnnouncements.ts';

export type SaveStatusProps = { status: SaveStatusValue };

export function SaveStatus({ status }: SaveStatusProps) {
  useSaveAnnouncement(status);
  // Seen, not heard: the live region says "saved" once typing pauses (aria-live off, or every
  // pause in typing would be read as "Saving… Saved").
  return (
    <p role="status" aria-live="off" class={`save-status save-${status.kind}`}>
      {status.kind === 'saved' && 'Saved on this device'}
      {status.kind === 'saving' && 'Saving…'}
      {status.kind === 'failed' && <FailedText kind={status.failure.kind} reason={status.failure.reason} />}
    </p>
  );
}

function FailedText({ kind, reason }: { kind: string; reason: string }) {
  const why =
    kind === 'quota'
      ? 'The device’s storage is full. Free some space (delete photos or apps), and keep this screen open.'
      : kind === 'connection-lost'
        ? 'The device’s storage stopped answering for a moment.'
        : reason;
  return (
    <>
      <strong>Not saved yet.</strong> {why} {kind !== 'other' && reason !== why ? `(${reason}) ` : ''}
      The text stays on screen and saving is tried again every few seconds.
    </>
  );
}
