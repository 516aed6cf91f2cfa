// A draft whose save failed as its screen closed or the app locked: kept sealed (never as text),
// retried until the write commits, and replaced by any newer save.
import { describe, expect, it, vi } from 'vitest';
import { createPendingDrafts } from '../../../src/app/story/pendingDrafts.ts';
import { newDraft } from '../../../src/domain/story/story.ts';
import { createDb } from '../../../src/store/db.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { testCipher } from '../../fixtures/cipher.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('pending drafts', () => {
  it('keeps an unsaved draft sealed and writes it once the disk accepts writes again', async () => {
    const db = createDb(`pending-${Date.now()}`);
    await stories.createStory(db, cipher, 'p', newDraft('p', NOW), NOW);
    let diskFull = true;
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    (db as unknown as { transaction: (...args: unknown[]) => Promise<unknown> }).transaction = (...args) =>
      diskFull
        ? Promise.reject(Object.assign(new Error('quota'), { name: 'QuotaExceededError' }))
        : transaction(...args);
    const timers: (() => void)[] = [];
    const pending = createPendingDrafts({
      db,
      cipher: () => cipher,
      now: () => NOW + 10,
      random: () => 0.5,
      setTimer: (run) => timers.push(run),
    });
    const typed = { ...newDraft('p', NOW), title: 'Words typed as the app locked' };
    await pending.keep('p', typed);
    expect(pending.count.value).toBe(1);
    expect(timers).toHaveLength(1); // retried, not dropped
    expect(JSON.stringify([...Object.values(pending)])).not.toContain('Words typed');
    expect((await pending.get('p'))?.title).toBe(typed.title);

    diskFull = false;
    (timers.shift() as () => void)();
    await vi.waitFor(() => expect(pending.count.value).toBe(0));
    expect((await stories.getStory(db, cipher, 'p'))?.draft?.title).toBe(typed.title);
    db.close();
  });

  it('forgets a kept draft when a newer save commits', async () => {
    const db = createDb(`pending-newer-${Date.now()}`);
    const timers: (() => void)[] = [];
    const pending = createPendingDrafts({
      db,
      cipher: () => cipher,
      now: () => NOW,
      random: () => 0.5,
      setTimer: (run) => timers.push(run),
    });
    await pending.keep('gone', newDraft('gone', NOW)); // no such story: nothing to write
    expect(pending.count.value).toBe(0);
    expect(timers).toHaveLength(0);
    db.close();
  });

  it('creates a new story whose first save failed as its screen closed, and only such a story', async () => {
    const db = createDb(`pending-new-${Date.now()}`);
    const timers: (() => void)[] = [];
    const pending = createPendingDrafts({
      db,
      cipher: () => cipher,
      now: () => NOW,
      random: () => 0.5,
      setTimer: (run) => timers.push(run),
    });
    const typed = { ...newDraft('n1', NOW), title: 'First words of a new story' };
    await pending.keep('n1', typed, true);
    expect(pending.count.value).toBe(0);
    expect((await stories.getStory(db, cipher, 'n1'))?.draft?.title).toBe(typed.title);
    expect(await db.summaries.count()).toBe(1);
    // A story that is gone (sent, withdrawn) is never made again by a late save.
    await pending.keep('gone', { ...newDraft('gone', NOW), title: 'late' });
    expect(await stories.getStory(db, cipher, 'gone')).toBeNull();
    db.close();
  });
});
