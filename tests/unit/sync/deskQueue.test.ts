// Issue 27, the iPad sends to the posting desk: through the same queue and runner, exactly once. A
// fake relay desk (replays checked before the key's id, as the relay does), the test's clock, and the
// desk's private key to open what arrived. Each story's sealed body is frozen at its first try, so a
// retry sends the same bytes under the same key; a replaced desk key means a new key; "posted" flows
// back as Sent with its number and the personal data gone; withdrawing asks the desk first.
import { describe, expect, it } from 'vitest';
import type { DeskKey } from '../../../src/domain/desk/deskStory.ts';
import { openDeskStory } from '../../../src/domain/desk/deskStory.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { getEntry } from '../../../src/store/send/outbox.ts';
import { listReceipts } from '../../../src/store/send/receipts.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { createQueueRunner, DESK_POLL_MS } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { scanIndexedDb } from '../../fixtures/idbScan.ts';
import { nodeCrypto } from '../app/relayKeys.ts';
import { type Desk, fakeDesk } from './fakeDesk.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-12-07T10:00:00Z');
const API = 'https://relay.example.org/api/v2';
let n = 0;

async function queueStories(db: StoryDb, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const draft = completeDraft(id, true);
    await stories.createStory(db, cipher, id, draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await storyQueue.queueStory(db, cipher, id, check.story, `key-${id}`, NOW - ids.length + i, NOW);
  }
}

/** The runner in desk mode, with the iPad's kept desk key (`kept.key`) and a way to ask it again. */
function runnerFor(db: StoryDb, desk: Desk, kept: { key: DeskKey | null }, chosen = () => true) {
  let keys = 0;
  const refreshed: string[] = [];
  /** The runner's wake-ups asked for (ms from now). */
  const timers: number[] = [];
  const runner = createQueueRunner({
    db,
    cipher,
    client: desk.client,
    lock: memoryLock(true),
    connection: () => ({ apiAddress: API, key: '', token: 'device-token' }),
    now: () => NOW,
    random: () => 0.5,
    setTimer: (_run, ms) => {
      timers.push(ms);
      return null;
    },
    clearTimer: () => undefined,
    isOnline: () => desk.online,
    onError: (error) => {
      throw error;
    },
    desk: {
      chosen,
      key: () => kept.key,
      refreshKey: async () => {
        kept.key = desk.key();
        refreshed.push(desk.key().kid);
      },
      newKey: () => `new-key-${++keys}`,
      crypto: nodeCrypto,
    },
  });
  return { runner, refreshed, timers };
}

async function opened(desk: Desk, sealed: string) {
  const story = await openDeskStory(nodeCrypto, desk.opener(), sealed);
  if (!story.ok) throw new Error(story.problem);
  return story.story;
}

describe('sending to the posting desk', () => {
  it('sends once: a dropped answer is tried again with the same bytes under the same key, and the desk opens it', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1', 's2']);
    desk.dropAnswers.add('key-s1');
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    expect(await getEntry(db, 's1'), 'its answer was dropped: waiting to try again').toMatchObject({
      state: 'queued',
      idempotencyKey: 'key-s1',
      deskKid: 'desk-1',
    });
    expect(await getEntry(db, 's2')).toMatchObject({ state: 'at-desk', idempotencyKey: 'key-s2' });
    await runner.trigger('send-now');
    runner.stop();
    expect(await getEntry(db, 's1')).toMatchObject({ state: 'at-desk', idempotencyKey: 'key-s1' });
    const tries = desk.bodies.filter((b) => b.key === 'key-s1');
    expect(tries).toHaveLength(2);
    expect(tries[1]?.body, 'the retry is byte for byte the first').toBe(tries[0]?.body);
    expect(desk.held.size, 'each story stored once').toBe(2);
    const story = await opened(desk, desk.held.get('key-s1')?.sealed ?? '');
    expect(story.idempotencyKey).toBe('key-s1');
    expect(story.body).toMatchObject({ title: 'Story s1', author: { email: 'person@example.org' } });
    expect(await stories.getStory(db, cipher, 's1'), 'kept on the iPad until posted').not.toBeNull();
    db.close();
  });

  it('a story whose desk key was replaced before it arrived is sealed again to the new key under a new key', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const kept = { key: desk.key() };
    await desk.replaceKey('desk-2');
    const { runner, refreshed } = runnerFor(db, desk, kept);
    await runner.trigger('start');
    runner.stop();
    expect(refreshed, 'the desk key asked again').toEqual(['desk-2']);
    expect(desk.bodies.map((b) => b.key)).toEqual(['key-s1', 'new-key-1']);
    expect(await getEntry(db, 's1')).toMatchObject({
      state: 'at-desk',
      idempotencyKey: 'new-key-1',
      deskKid: 'desk-2',
    });
    expect((await opened(desk, desk.held.get('new-key-1')?.sealed ?? '')).idempotencyKey).toBe('new-key-1');
    db.close();
  });

  it('each service travels with its place as the iPad words it (the desk shows it beside the service)', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    const base = completeDraft('p1', true);
    const draft = {
      ...base,
      services: [
        { nacs: 'RX1RA', name: "St Mary's Hospital", place: 'Nottingham' },
        { nacs: 'RX1RB', name: 'Ward 7' },
      ],
    };
    await stories.createStory(db, cipher, 'p1', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await storyQueue.queueStory(db, cipher, 'p1', check.story, 'key-p1', NOW, NOW);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    runner.stop();
    const story = await opened(desk, desk.held.get('key-p1')?.sealed ?? '');
    expect(story.places).toEqual(['Nottingham', null]);
    db.close();
  });

  it('a story larger than the desk takes once sealed needs attention, and is never sent', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    const draft = { ...completeDraft('big', true), body: 'They listened. '.repeat(75_000) };
    await stories.createStory(db, cipher, 'big', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await storyQueue.queueStory(db, cipher, 'big', check.story, 'key-big', NOW, NOW);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    runner.stop();
    expect(desk.bodies).toEqual([]);
    expect(await getEntry(db, 'big')).toMatchObject({
      state: 'needs-attention',
      lastProblem: 'deskTooLarge',
    });
    expect(
      (await getEntry(db, 'big'))?.firstAttemptAt,
      'never tried: it may be fixed and queued again',
    ).toBeUndefined();
    db.close();
  });

  it('with no desk (or its key not known yet) it waits with a reason, and nothing is sent anywhere', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner } = runnerFor(db, desk, { key: null });
    await runner.trigger('start');
    runner.stop();
    expect(desk.bodies).toEqual([]);
    expect(await getEntry(db, 's1')).toMatchObject({
      state: 'queued',
      lastProblem: 'noDesk',
      idempotencyKey: 'key-s1',
    });
    expect((await getEntry(db, 's1'))?.desk, 'nothing frozen: it may still go another way').toBeUndefined();
    db.close();
  });
});

describe('"posted" flows back', () => {
  it('posted: Sent with its Care Opinion number, and the personal data gone from the iPad', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1', 's2']);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    desk.post('key-s1', '1234567');
    await runner.trigger('online');
    runner.stop();
    expect(await getEntry(db, 's1')).toBeNull();
    expect(await stories.getStory(db, cipher, 's1')).toBeNull();
    const receipts = await listReceipts(db, cipher);
    expect(receipts.find((r) => r.id === 's1')).toMatchObject({
      kind: 'sent',
      careOpinionId: '1234567',
      byHand: true,
    });
    expect(await getEntry(db, 's2'), 'still waiting at the desk').toMatchObject({ state: 'at-desk' });
    expect(desk.statusAsks.flat()).toEqual(expect.arrayContaining(['key-s1', 'key-s2']));
    await storyQueue.withdrawStory(db, cipher, 's2', NOW);
    await runner.trigger('online');
    const { text } = await scanIndexedDb();
    for (const secret of [
      'They listened and explained everything',
      'person@example.org',
      'NG5 1PB',
      'rugbyfan33',
    ])
      expect(text, `${secret} left on the iPad`).not.toContain(secret);
    db.close();
  });

  it('while the desk holds a story the runner wakes by itself to ask (an iPad left open learns "posted")', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner, timers } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    expect(timers.at(-1)).toBe(DESK_POLL_MS);
    desk.post('key-s1', '1234567');
    const before = timers.length;
    await runner.trigger('timer');
    runner.stop();
    expect(await getEntry(db, 's1')).toBeNull();
    expect(timers.slice(before), 'nothing at the desk: no wake-up of its own').not.toContain(DESK_POLL_MS);
    db.close();
  });

  it('unknown (the relay lost it): sent again under the same key, and stored anew', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    const first = desk.bodies[0]?.body;
    desk.lose();
    await runner.trigger('online');
    runner.stop();
    expect(desk.bodies.map((b) => b.key)).toEqual(['key-s1', 'key-s1']);
    expect(desk.bodies[1]?.body).toBe(first);
    expect(desk.held.get('key-s1')?.state).toBe('waiting');
    expect(await getEntry(db, 's1')).toMatchObject({ state: 'at-desk', idempotencyKey: 'key-s1' });
    db.close();
  });

  it('a desk key replaced while it waits: withdrawn at the old key, sealed again to the new one under a new key', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const kept = { key: desk.key() };
    const { runner } = runnerFor(db, desk, kept);
    await runner.trigger('start');
    await desk.replaceKey('desk-2');
    kept.key = desk.key(); // learnt with the status report
    await runner.trigger('online');
    runner.stop();
    expect(desk.deletes).toEqual(['key-s1']);
    expect(desk.held.get('key-s1')?.state).toBe('withdrawn');
    expect(await getEntry(db, 's1')).toMatchObject({
      state: 'at-desk',
      idempotencyKey: 'new-key-1',
      deskKid: 'desk-2',
    });
    expect(desk.held.get('new-key-1')).toMatchObject({ kid: 'desk-2', state: 'waiting' });
    db.close();
  });
});

describe('withdrawing a story at the desk', () => {
  it('online: withdrawn at the desk (204), nothing personal kept, and no take-down advice', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    expect(await storyQueue.withdrawStory(db, cipher, 's1', NOW)).toEqual({
      ok: true,
      value: 'waiting-for-answer',
    });
    await runner.trigger('queued');
    runner.stop();
    expect(desk.deletes).toEqual(['key-s1']);
    expect(desk.held.get('key-s1')?.state).toBe('withdrawn');
    expect(await getEntry(db, 's1')).toBeNull();
    expect((await listReceipts(db, cipher)).find((r) => r.id === 's1')).toMatchObject({
      kind: 'withdrawn',
      mayHaveArrived: false,
    });
    const { text } = await scanIndexedDb();
    expect(text).not.toContain('person@example.org');
    db.close();
  });

  it('offline: marked at once (the story text gone), withdrawn at the desk on the next pass; the lead cannot post it meanwhile unless first', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    desk.online = false;
    await storyQueue.withdrawStory(db, cipher, 's1', NOW);
    await runner.trigger('queued');
    expect(desk.deletes).toEqual([]);
    expect(await getEntry(db, 's1')).toMatchObject({ state: 'at-desk', withdrawnAt: NOW });
    expect(await stories.getStory(db, cipher, 's1')).toBeNull();
    expect((await listReceipts(db, cipher)).find((r) => r.id === 's1')).toMatchObject({
      kind: 'withdrawn',
      mayHaveArrived: false,
    });
    desk.online = true;
    await runner.trigger('online');
    runner.stop();
    expect(desk.deletes).toEqual(['key-s1']);
    expect(desk.held.get('key-s1')?.state).toBe('withdrawn');
    expect(await getEntry(db, 's1')).toBeNull();
    db.close();
  });

  it('posted by the lead first (409): Sent with its number, and the take-down advice', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1']);
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    desk.online = false;
    await storyQueue.withdrawStory(db, cipher, 's1', NOW);
    desk.post('key-s1', '7654321');
    desk.online = true;
    await runner.trigger('online');
    runner.stop();
    expect(desk.deletes).toEqual(['key-s1']);
    expect(await getEntry(db, 's1')).toBeNull();
    expect((await listReceipts(db, cipher)).find((r) => r.id === 's1')).toMatchObject({
      kind: 'withdrawn',
      careOpinionId: '7654321',
      mayHaveArrived: true,
    });
    db.close();
  });

  it('the export leaves out a story already at the desk', async () => {
    const db = createDb(`desk-${++n}`);
    const desk = await fakeDesk();
    await queueStories(db, ['s1', 's2']);
    desk.dropAnswers.add('key-s1'); // s1 waits to be tried again, with its sealed body frozen
    const { runner } = runnerFor(db, desk, { key: desk.key() });
    await runner.trigger('start');
    runner.stop();
    const { chooseUnsent } = await import('../../../src/app/send/export.ts');
    const chosen = await chooseUnsent(db, cipher, { apiAddress: API, key: '', token: 'device-token' });
    expect(chosen).toEqual({ ok: true, stories: [] });
    db.close();
  });
});
