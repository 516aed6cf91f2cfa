// Hand-off through the one send writer: a story ready to post keeps its frozen body for the
// hand-off screen, is never listed for the runner, settles "posted by hand" only with a story
// number (its text and personal data gone), and moves with the delivery mode unless tried.
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { newDraft } from '../../../src/domain/story/story.ts';
import { createDb } from '../../../src/store/db.ts';
import { getEntry, listActive } from '../../../src/store/send/outbox.ts';
import { getReceipt } from '../../../src/store/send/receipts.ts';
import { changeDelivery } from '../../../src/store/send/sendWriter.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { testCipher } from '../../fixtures/cipher.ts';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const cipher = await testCipher();
let n = 0;

async function readyToPost(byHand: boolean) {
  const db = createDb(`handoff-${++n}`);
  await db.open();
  const base = newDraft('s', NOW);
  const draft = {
    ...base,
    title: 'Kind staff',
    body: 'They listened.',
    services: [{ nacs: 'RX1RA', name: "St Mary's Hospital" }],
    author: { ...base.author, username: 'rugbyfan33', postcode: 'NG5 1PB', email: 'person@example.org' },
    consent: { publish: true, givenAt: new Date(NOW).toISOString(), recordedBy: 'Sam' },
  };
  await stories.createStory(db, cipher, 's', draft, NOW);
  const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
  if (!check.ok) throw new Error('fixture not queueable');
  const updatedAt = (await db.stories.get('s'))?.updatedAt ?? NOW;
  await storyQueue.queueStory(db, cipher, 's', check.story, 'key-1', NOW, updatedAt, byHand);
  return db;
}

describe('hand-off store', () => {
  it('keeps a ready-to-post story out of the runner’s list and opens its frozen body', async () => {
    const db = await readyToPost(true);
    expect((await getEntry(db, 's'))?.state).toBe('ready-to-post');
    expect(await listActive(db)).toEqual([]);
    const story = await storyQueue.openReadyToPost(db, cipher, 's');
    expect(story?.author.email).toBe('person@example.org');
  });

  it('posted by hand: a receipt with the story number, the story and its entry deleted', async () => {
    const db = await readyToPost(true);
    const written = await storyQueue.postedByHand(db, cipher, 's', '1234567', NOW + 1);
    expect(written).toEqual({
      ok: true,
      value: { kind: 'applied', next: expect.objectContaining({ kind: 'sent' }) },
    });
    expect(await db.stories.get('s')).toBeUndefined();
    expect(await db.outbox.get('s')).toBeUndefined();
    expect(await getReceipt(db, cipher, 's')).toMatchObject({
      kind: 'sent',
      careOpinionId: '1234567',
      byHand: true,
      title: 'Kind staff',
      services: ["St Mary's Hospital"],
    });
  });

  it('refuses a story that is not ready to post, and a number that is not one', async () => {
    const queued = await readyToPost(false);
    expect(await storyQueue.postedByHand(queued, cipher, 's', '1234567', NOW)).toMatchObject({
      ok: true,
      value: { kind: 'refused' },
    });
    const ready = await readyToPost(true);
    expect(await storyQueue.postedByHand(ready, cipher, 's', 'abc', NOW)).toMatchObject({
      ok: true,
      value: { kind: 'refused' },
    });
    expect(await ready.stories.get('s')).toBeDefined();
  });

  it('switching mode moves the story both ways, keeping its key and body', async () => {
    const db = await readyToPost(false);
    expect(await changeDelivery(db, 'by-hand', NOW + 1)).toEqual({ ok: true, value: 1 });
    const moved = await getEntry(db, 's');
    expect(moved).toMatchObject({ state: 'ready-to-post', idempotencyKey: 'key-1' });
    expect(await changeDelivery(db, 'by-hand', NOW + 2)).toEqual({ ok: true, value: 0 });
    expect(await changeDelivery(db, 'automatic', NOW + 3)).toEqual({ ok: true, value: 1 });
    expect(await getEntry(db, 's')).toMatchObject({
      state: 'queued',
      nextAttemptAt: NOW + 3,
      payload: moved?.payload,
    });
  });
});
