// Sending one story to the posting desk (issue 27): its body (`storyToSend`'s, under its key) sealed
// to the desk's key at the first try and frozen in the entry (sealed with the vault), then `POST
// /desk/stories` with the same bytes under the same Idempotency-Key on every retry. The answers are
// the desk table's (`domain/send/answers.ts` `classifyDeskAnswer`); every change is the reducer's.
import { DESK_BODY_MAX_BYTES, deskBodyBytes, sealDeskStory } from '../../domain/desk/deskStory.ts';
import { placesFromLabels } from '../../domain/directory/serviceLabel.ts';
import { classifyDeskAnswer } from '../../domain/send/answers.ts';
import type { OutboxEntry } from '../../domain/send/sendEntry.ts';
import type { SendProblem } from '../../domain/send/sendProblem.ts';
import { sentToDesk } from '../../domain/send/sendRules.ts';
import type { QueuedStory } from '../../domain/story/submission.ts';
import * as outbox from '../../store/send/outbox.ts';
import { getSummary } from '../../store/story/summaries.ts';
import { deskAad } from '../../store/vault/cipher.ts';
import { type Apply, DAMAGED, type SendDeps, type SendOutcome, tryOnce } from './sendStory.ts';

const NO_DESK = 'noDesk' satisfies SendProblem;
const TOO_LARGE = 'deskTooLarge' satisfies SendProblem;

export async function sendToDesk(
  deps: SendDeps,
  entry: OutboxEntry,
  story: QueuedStory,
  apply: Apply,
): Promise<SendOutcome> {
  const desk = deps.desk;
  if (desk === undefined) return 'next';
  const current = deps.connection();
  let body: { kid: string; sealed: string };
  let frozen: { sealed: unknown; kid: string } | undefined;
  if (sentToDesk(entry)) {
    const opened = await outbox.openDeskBody(deps.cipher, entry);
    if (!opened.ok) {
      if (opened.reason === 'locked') return 'stop-pass';
      return (await apply({ type: 'refused-locally', reason: DAMAGED, now: deps.now() })).ok
        ? 'next'
        : 'write-failed';
    }
    body = opened.value;
  } else {
    const key = desk.key();
    if (key === null || current.token === undefined || current.token === '') {
      // No desk (or its key not known yet): it waits, with the reason; nothing is sent elsewhere.
      return (await apply({ type: 'desk-waits', reason: NO_DESK, now: deps.now() })).ok
        ? 'next'
        : 'write-failed';
    }
    // Each service's place as this iPad's directory words it (Home's row: "name — place"), so the desk
    // shows it as the hand-off screen does; the relay is never asked to look one up.
    const labels = (await getSummary(deps.db, deps.cipher, entry.id))?.content?.services ?? [];
    const places = placesFromLabels(
      story.healthservices.map((service) => service.name),
      labels,
    ).map((place) => place ?? null);
    const sealed = await sealDeskStory(desk.crypto, key, {
      idempotencyKey: entry.idempotencyKey,
      body: story,
      places,
    });
    if (deskBodyBytes(key.kid, sealed) > DESK_BODY_MAX_BYTES) {
      return (await apply({ type: 'refused-locally', reason: TOO_LARGE, now: deps.now() })).ok
        ? 'next'
        : 'write-failed';
    }
    body = { kid: key.kid, sealed };
    frozen = { sealed: await deps.cipher.seal(body, deskAad(entry.id)), kid: key.kid };
  }
  const tried = await tryOnce(deps, entry, apply, '/desk/stories', body, frozen);
  if (tried.kind === 'ended') return tried.outcome;
  const { answer, marked } = tried;
  const now = deps.now();
  const verdict = classifyDeskAnswer(answer, now);
  const keyChanged = verdict.class === 'desk-key-changed';
  // A new desk key (or none): asked again before the story is sealed anew, or waits.
  if (keyChanged || (verdict.class === 'retry' && verdict.reason === NO_DESK)) await desk.refreshKey();
  const failedBefore = deps.streak?.record(
    verdict.class === 'retry' ? true : verdict.class === 'key-rejected' ? null : false,
  );
  const answered = await apply(
    {
      type: 'answered',
      attempt: marked.attempts,
      verdict,
      now,
      ...(keyChanged ? { newKey: desk.newKey() } : {}),
    },
    { key: marked.idempotencyKey },
    failedBefore,
  );
  if (!answered.ok) return 'write-failed';
  if (verdict.class === 'key-rejected')
    return (await outbox.setPause(deps.db, verdict.reason)).ok ? 'paused' : 'write-failed';
  return answer.kind === 'response' ? 'answered' : 'no-answer';
}
