// Stories on a test iPad in each state the status report and the export tell apart: drafts, waiting
// to send, ready to post, needing attention, sent, withdrawn mid-send. Each story's words are its own
// (`Story <id>` and a body naming it), so a scan can look for them.
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import type { QueuedStory } from '../../../src/domain/story/submission.ts';
import type { StoryDb } from '../../../src/store/db.ts';
import { applySendEvent } from '../../../src/store/send/sendWriter.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { type Cipher, destinationAad } from '../../../src/store/vault/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

export const T0 = Date.parse('2026-12-01T09:00:00.000Z');
const ctx = { random: () => 0.5 };

export type Held = {
  drafts?: string[];
  queued?: string[];
  byHand?: string[];
  needsAttention?: string[];
  sent?: string[];
  /** Withdrawn while a request was out: the story is gone, the entry waits for the answer. */
  withdrawnInFlight?: string[];
  /** Tried once through this address (a cut-off answer): still waiting, destination fixed. */
  triedAt?: Record<string, string>;
};

export const bodyOf = (id: string) => `Nurse Quillon-${id} held my hand all night`;

export async function seedStories(
  db: StoryDb,
  cipher: Cipher,
  held: Held,
): Promise<Map<string, QueuedStory>> {
  const queuedCopies = new Map<string, QueuedStory>();
  let t = T0;
  const story = async (id: string) => {
    const draft = { ...completeDraft(id, true, t), body: bodyOf(id) };
    await stories.createStory(db, cipher, id, draft, t);
    return draft;
  };
  const queue = async (id: string, byHand = false) => {
    const draft = await story(id);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    queuedCopies.set(id, check.story);
    t += 60_000;
    const result = await storyQueue.queueStory(
      db,
      cipher,
      id,
      check.story,
      `key-${id}`,
      t,
      t - 60_000,
      byHand,
    );
    if (!result.ok) throw new Error('not queued');
  };
  const apply = async (id: string, event: Parameters<typeof applySendEvent>[3]) => {
    t += 1_000;
    const r = await applySendEvent(db, cipher, id, event, { ctx, now: t });
    if (!r.ok || r.value.kind !== 'applied') throw new Error(`fixture event ${event.type} not applied`);
  };
  const start = async (id: string, apiAddress = 'https://relay.example.org/api/v2') => {
    const destination = await cipher.seal({ apiAddress, key: '' }, destinationAad(id));
    await apply(id, { type: 'attempt-started', now: t, destination, exclusive: true });
  };
  for (const id of held.drafts ?? []) await story(id);
  for (const id of held.queued ?? []) await queue(id);
  for (const id of held.byHand ?? []) await queue(id, true);
  for (const id of held.needsAttention ?? []) {
    await queue(id);
    await apply(id, { type: 'refused-locally', reason: 'notComplete', now: t });
  }
  for (const id of held.sent ?? []) {
    await queue(id);
    await start(id);
    await apply(id, { type: 'answered', attempt: 1, verdict: { class: 'sent', id: `co-${id}` }, now: t });
  }
  for (const id of held.withdrawnInFlight ?? []) {
    await queue(id);
    await start(id);
    await apply(id, { type: 'withdrawn', now: t });
  }
  for (const [id, apiAddress] of Object.entries(held.triedAt ?? {})) {
    await queue(id);
    await start(id, apiAddress);
    await apply(id, {
      type: 'answered',
      attempt: 1,
      verdict: { class: 'retry', reason: 'unreachable' },
      now: t,
    });
  }
  return queuedCopies;
}
