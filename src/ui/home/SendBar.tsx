// Home's sync line and manual send: what is waiting, when the last story left, progress while sending,
// and, while stories wait, that they are sent only while the app is open (sendTriggers.ts).

import {
  describeQueue,
  describeReadyToPost,
  describeSending,
  queueProblemText,
} from '../../domain/words/sendWords.ts';
import { useApp, useSendActions } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function SendBar() {
  const { state } = useApp();
  const actions = useSendActions();
  const t = useText();
  const queue = state.queue.value;
  const sending = describeSending(queue, t);
  const sent = state.storyCounts.value.sentThisSession;
  // Real sends since the session started (receipts): "12 sent this session", not only "0 waiting".
  const sentLine = sent !== null && sent > 0 ? `${t.numbers.sentThisSession(sent)} · ` : '';
  const atDesk = state.stories.value.some((s) => s.state === 'at-desk');
  const ready = describeReadyToPost(state.stories.value.filter((s) => s.state === 'ready-to-post').length, t);
  return (
    <section class="send-bar" aria-label={t.send.barLabel}>
      <p role="status">
        {sentLine}
        {sending ? `${sending} · ${describeQueue(queue, t)}` : describeQueue(queue, t)}
      </p>
      {queue.waiting > 0 && <p class="field-hint">{t.send.onlyWhileOpen}</p>}
      {ready && <p>{t.send.readyToPostHint(ready)}</p>}
      {queue.problem && <p class="message-error">{queueProblemText(queue.problem, t)}</p>}
      {state.unsavedDrafts.value > 0 && (
        <p role="alert" class="message-error">
          {t.send.unsaved(state.unsavedDrafts.value)}
        </p>
      )}
      <button
        type="button"
        onClick={() => void actions.sendNow()}
        // Also while the posting desk holds a story (issue 27): "Send now" asks the desk what became of it.
        disabled={(queue.waiting === 0 && !atDesk) || sending !== null}
      >
        {t.send.sendNow}
      </button>
    </section>
  );
}
