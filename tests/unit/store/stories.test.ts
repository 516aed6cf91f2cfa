// Stories on the device: saved as typed, queued with a frozen payload and key, taken back only
// before any attempt, withdrawn per PRODUCT.md; and the write wrapper's failure paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { type Draft, newDraft } from '../../../src/domain/story/story.ts';
import { createDb } from '../../../src/store/db.ts';
import { openBody } from '../../../src/store/send/outbox.ts';
import { applySendEvent } from '../../../src/store/send/sendWriter.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { classifyWriteError, runWrite } from '../../../src/store/write.ts';
import { testCipher } from '../../fixtures/cipher.ts';

let n = 0;
const NOW = Date.parse('2026-11-28T10:00:00Z');

function complete(id: string): Draft {
  const draft = newDraft(id, NOW);
  return {
    ...draft,
    title: 'Kind staff',
    body: 'They listened.',
    services: [{ nacs: 'RX1RA', name: "St Mary's Hospital" }],
    author: { ...draft.author, username: 'rugbyfan33', postcode: 'NG5 1PB', email: 'person@example.org' },
    consent: { publish: true, givenAt: new Date(NOW).toISOString(), recordedBy: 'Sam' },
  };
}

const cipher = await testCipher();

async function fresh() {
  const db = createDb(`stories-${++n}`);
  await db.open();
  return db;
}

describe('stories store', () => {
  it('keeps any draft text exactly as typed through save and load', async () => {
    const db = await fresh();
    await stories.createStory(db, cipher, 's1', newDraft('s1', NOW), NOW);
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.string(), async (title, body) => {
        const draft = { ...newDraft('s1', NOW), title, body };
        const saved = await stories.saveDraft(db, cipher, 's1', draft, NOW);
        expect(saved).toEqual({ ok: true, value: 'saved' });
        const loaded = await stories.getStory(db, cipher, 's1');
        expect(loaded?.draft?.title).toBe(title);
        expect(loaded?.draft?.body).toBe(body);
      }),
      { numRuns: 50 },
    );
  });

  it('queues a frozen payload with its key, then refuses edits until taken back', async () => {
    const db = await fresh();
    const draft = complete('s2');
    await stories.createStory(db, cipher, 's2', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Staff member', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    expect(await storyQueue.queueStory(db, cipher, 's2', check.story, 'key-1', NOW, NOW)).toMatchObject({
      ok: true,
      value: { kind: 'applied' },
    });
    const [entry] = await stories.listOutbox(db);
    expect(entry).toMatchObject({
      id: 's2',
      state: 'queued',
      idempotencyKey: 'key-1',
      attempts: 0,
    });
    if (!entry) throw new Error('no outbox entry');
    expect(await openBody(cipher, entry)).toEqual({ ok: true, value: check.story });
    expect(await stories.saveDraft(db, cipher, 's2', { ...draft, title: 'changed' }, NOW)).toEqual({
      ok: true,
      value: 'not-editable',
    });
    expect(await storyQueue.unqueueStory(db, cipher, 's2', NOW)).toMatchObject({
      ok: true,
      value: { kind: 'applied' },
    });
    expect(await stories.listOutbox(db)).toEqual([]);
    expect(await stories.saveDraft(db, cipher, 's2', { ...draft, title: 'changed' }, NOW + 1)).toEqual({
      ok: true,
      value: 'saved',
    });
  });

  it('queues only the draft that was checked: a save after the check makes the queueing stale', async () => {
    const db = await fresh();
    const draft = complete('s4');
    await stories.createStory(db, cipher, 's4', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Staff member', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await stories.saveDraft(
      db,
      cipher,
      's4',
      { ...draft, consent: { ...draft.consent, publish: false } },
      NOW + 5,
    );
    expect(await storyQueue.queueStory(db, cipher, 's4', check.story, 'key-1', NOW + 6, NOW)).toEqual({
      ok: true,
      value: { kind: 'stale' },
    });
    expect(await stories.listOutbox(db)).toEqual([]);
  });

  it('never opens a damaged draft as an empty one, and never writes over it', async () => {
    const db = await fresh();
    await stories.createStory(db, cipher, 'd', complete('d'), NOW);
    const row = await db.stories.get('d');
    const sealed = row?.payload as { data: ArrayBuffer };
    const bytes = new Uint8Array(sealed.data.slice(0));
    bytes[3] = (bytes[3] ?? 0) ^ 0xff; // one flipped byte
    await db.stories.update('d', { payload: { ...sealed, data: bytes.buffer } });
    const damaged = structuredClone((await db.stories.get('d'))?.payload);
    expect((await stories.getStory(db, cipher, 'd'))?.draft).toBeNull();
    for (const [i, title] of ['T', 'Ty', 'Typed'].entries()) {
      const typed = { ...newDraft('d', NOW), title };
      expect(await stories.saveDraft(db, cipher, 'd', typed, NOW + i)).toEqual({
        ok: true,
        value: 'unreadable',
      });
    }
    expect((await db.stories.get('d'))?.payload).toEqual(damaged);
  });

  it('will not take a story back once a request was sent for it', async () => {
    const db = await fresh();
    await stories.createStory(db, cipher, 's3', complete('s3'), NOW);
    await db.outbox.put({
      id: 's3',
      state: 'queued',
      idempotencyKey: 'k',
      payload: {},
      attempts: 1,
      firstAttemptAt: NOW,
      nextAttemptAt: NOW,
      queuedAt: NOW,
    });
    expect(await storyQueue.unqueueStory(db, cipher, 's3', NOW)).toMatchObject({
      ok: true,
      value: { kind: 'refused' },
    });
    expect(await stories.saveDraft(db, cipher, 's3', complete('s3'), NOW)).toEqual({
      ok: true,
      value: 'not-editable',
    });
  });

  it('withdraws a never-sent story completely, and leaves only a receipt when it may have arrived', async () => {
    const db = await fresh();
    await stories.createStory(db, cipher, 'a', complete('a'), NOW);
    expect(await storyQueue.withdrawStory(db, cipher, 'a', NOW)).toEqual({ ok: true, value: 'deleted' });
    expect(await stories.getStory(db, cipher, 'a')).toBeNull();
    expect(await stories.listReceipts(db, cipher)).toEqual([]);

    await stories.createStory(db, cipher, 'b', complete('b'), NOW);
    await db.outbox.put({
      id: 'b',
      state: 'queued',
      idempotencyKey: 'k',
      payload: {},
      attempts: 1,
      firstAttemptAt: NOW,
      nextAttemptAt: NOW,
      queuedAt: NOW,
    });
    expect(await storyQueue.withdrawStory(db, cipher, 'b', NOW)).toEqual({ ok: true, value: 'receipt' });
    expect(await stories.listOutbox(db)).toEqual([]);
    const receipts = await stories.listReceipts(db, cipher);
    expect(receipts).toEqual([
      expect.objectContaining({ id: 'b', kind: 'withdrawn', mayHaveArrived: true, title: 'Kind staff' }),
    ]);
    expect(JSON.stringify(receipts)).not.toMatch(/NG5|person@example|rugbyfan|They listened/);
  });
});

describe('withdraw while the request is in flight', () => {
  it('deletes the story at once and keeps Care Opinion’s id from the answer that follows', async () => {
    const db = await fresh();
    const draft = complete('w');
    await stories.createStory(db, cipher, 'w', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Staff member', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await storyQueue.queueStory(db, cipher, 'w', check.story, 'key-w', NOW, NOW);
    const ctx = { random: () => 0.5 };
    const started = {
      type: 'attempt-started',
      now: NOW + 1,
      destination: undefined,
      exclusive: true,
    } as const;
    await applySendEvent(db, cipher, 'w', started, { ctx, now: NOW + 1 });
    expect(await storyQueue.withdrawStory(db, cipher, 'w', NOW + 2)).toEqual({
      ok: true,
      value: 'waiting-for-answer',
    });
    expect(await db.stories.get('w')).toBeUndefined(); // the text is gone already
    const answer = {
      type: 'answered',
      attempt: 1,
      verdict: { class: 'sent', id: 'co-77' },
      now: NOW + 3,
    } as const;
    await applySendEvent(db, cipher, 'w', answer, { ctx, now: NOW + 3, expect: { key: 'key-w' } });
    expect(await stories.listOutbox(db)).toEqual([]);
    expect(await stories.listReceipts(db, cipher)).toEqual([
      expect.objectContaining({ id: 'w', kind: 'withdrawn', careOpinionId: 'co-77', mayHaveArrived: true }),
    ]);
  });
});

describe('runWrite', () => {
  it('reports a full disk, including a QuotaExceededError wrapped in an AbortError, without throwing', async () => {
    const db = await fresh();
    const wrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError', message: 'quota' },
    });
    const result = await runWrite(db, async () => {
      throw wrapped;
    });
    expect(result).toMatchObject({
      ok: false,
      kind: 'quota',
      reason: 'storageFull',
    });
    expect(classifyWriteError(new DOMException('x', 'QuotaExceededError'))).toBe('quota');
  });

  it('reopens a lost connection once and retries the write', async () => {
    const db = await fresh();
    await stories.createStory(db, cipher, 'c', newDraft('c', NOW), NOW);
    db.close(); // what Safari does to a backgrounded app's connection
    let tries = 0;
    const result = await runWrite(db, async () => {
      tries++;
      await db.stories.update('c', { updatedAt: NOW + 1 });
    });
    expect(result).toEqual({ ok: true, value: undefined });
    expect(tries).toBe(2);
    expect((await db.stories.get('c'))?.updatedAt).toBe(NOW + 1);
  });

  it('classifies Safari’s lost-connection errors', () => {
    const lost = Object.assign(
      new Error('Connection to Indexed Database server lost. Refresh the page to try again'),
      { name: 'UnknownError' },
    );
    expect(classifyWriteError(lost)).toBe('connection-lost');
    expect(
      classifyWriteError(
        Object.assign(new Error('The database connection is closing.'), { name: 'InvalidStateError' }),
      ),
    ).toBe('connection-lost');
    expect(classifyWriteError(new Error('boom'))).toBe('other');
  });

  it('gives up on a write that never settles, saying it is not saved', async () => {
    const db = await fresh();
    const result = await runWrite(db, () => new Promise<never>(() => undefined), 20);
    expect(result).toMatchObject({ ok: false, kind: 'other', reason: 'notSavedYet' });
  });
});
