// Home's sync line and manual send: what is waiting, when the last story left, progress while sending.
import { describeQueue, describeReadyToPost, describeSending } from '../../domain/sendWords.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

const formatTime = (t: number) =>
  new Date(t).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

export function SendBar() {
  const { state, actions } = useApp();
  const t = useText();
  const queue = state.queue.value;
  const sending = describeSending(queue);
  const sent = state.storyCounts.value.sentThisSession;
  // Real sends since the session started (receipts): "12 sent this session", not only "0 waiting".
  const sentLine = sent !== null && sent > 0 ? `${t.numbers.sentThisSession(sent)} · ` : '';
  const ready = describeReadyToPost(state.stories.value.filter((s) => s.state === 'ready-to-post').length);
  return (
    <section class="send-bar" aria-label="Sending">
      <p role="status">
        {sentLine}
        {sending ? `${sending} · ${describeQueue(queue, formatTime)}` : describeQueue(queue, formatTime)}
      </p>
      {ready && <p>{ready}: open each one to post it on Care Opinion’s website.</p>}
      {queue.problem && <p class="message-error">{queue.problem}</p>}
      {state.unsavedDrafts.value > 0 && (
        <p role="alert" class="message-error">
          {state.unsavedDrafts.value === 1 ? 'A story is' : `${state.unsavedDrafts.value} stories are`} not
          saved on this device yet: its text is kept, locked away, and saving is tried again every few
          seconds.
        </p>
      )}
      <button
        type="button"
        onClick={() => void actions.sendNow()}
        disabled={queue.waiting === 0 || sending !== null}
      >
        Send now
      </button>
    </section>
  );
}
