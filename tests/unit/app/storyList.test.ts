// Home's list at any size (issue 25 item 4): the newest page shows without waiting for the whole
// table's count (which walks every row: seconds at 50,000 in Chromium, holding up the next save), a
// keystroke's save never counts the table, and a story come or gone moves the total by one — each
// time the same as counting afresh.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStoryList } from '../../../src/app/story/storyList.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import * as summaries from '../../../src/store/story/summaries.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');
let n = 0;

async function withStories(count: number): Promise<StoryDb> {
  const db = createDb(`story-list-${++n}`);
  for (let i = 0; i < count; i++) {
    await stories.createStory(db, cipher, `s${i}`, completeDraft(`s${i}`, false, NOW - i * 60_000), NOW - i);
  }
  return db;
}

const listOf = (db: StoryDb) =>
  createStoryList(
    db,
    cipher,
    () => true,
    () => NOW,
    () => null,
  );

/** Resolves when `check` holds, checking after each turn of the event loop (no fixed wait). */
async function until(check: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1_000 && !check(); turn++) await new Promise((resolve) => setTimeout(resolve));
  expect(check()).toBe(true);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("Home's list", () => {
  it('shows the newest page before the whole table is counted; the total follows', async () => {
    const db = await withStories(3);
    let finish: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const real = summaries.countWhole;
    const whole = vi.spyOn(summaries, 'countWhole').mockImplementation(async (d) => {
      await held;
      return real(d);
    });
    const list = listOf(db);
    await list.reload();
    expect(list.stories.value.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
    expect(whole).toHaveBeenCalledTimes(1);
    expect(list.counts.value.total).toBe(0); // not counted yet: no "of N" line
    finish();
    await until(() => list.counts.value.total === 3);
  });

  it('a save counts nothing whole; a new story and a deleted one move the total by one, as a fresh count', async () => {
    const db = await withStories(2);
    const list = listOf(db);
    await list.reload();
    await until(() => list.counts.value.total === 2);
    const whole = vi.spyOn(summaries, 'countWhole');

    await stories.saveDraft(db, cipher, 's1', { ...completeDraft('s1', false), title: 'Edited' }, NOW + 1);
    await list.refreshOne('s1');
    await stories.createStory(db, cipher, 'new', completeDraft('new', false), NOW + 2);
    await list.refreshOne('new');
    expect(list.counts.value.total).toBe(3);
    await storyQueue.withdrawStory(db, cipher, 's0', NOW + 3); // a draft: deleted
    await list.refreshOne('s0');

    expect(whole).not.toHaveBeenCalled();
    expect(list.stories.value.map((s) => [s.id, s.title])).toEqual([
      ['new', completeDraft('new', false).title],
      ['s1', 'Edited'],
    ]);
    expect(list.counts.value.total).toBe((await summaries.countSummaries(db, NOW)).total);
    expect(list.counts.value.total).toBe(2);
  });

  it('counts the table again when a story leaves the drafts (the all-time share may move)', async () => {
    const db = await withStories(1);
    const list = listOf(db);
    await list.reload();
    await until(() => list.counts.value.total === 1);
    const whole = vi.spyOn(summaries, 'countWhole');
    const { checkQueueable } = await import('../../../src/domain/story/sendReadiness.ts');
    const check = checkQueueable(completeDraft('s0', true), { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error(JSON.stringify(check.missing));
    await storyQueue.queueStory(db, cipher, 's0', check.story, 'key-s0', NOW, NOW);
    await list.refreshOne('s0');
    expect(whole).toHaveBeenCalledTimes(1);
    await until(() => list.counts.value.allTime.all === 1);
    expect(list.counts.value).toMatchObject(await summaries.countSummaries(db, NOW));
  });
});
