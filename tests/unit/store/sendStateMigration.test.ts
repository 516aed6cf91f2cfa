// DB_V4 (the outbox entry becomes the only send state), tested through the repositories and the
// app's summaries, from every earlier version: each story comes out sendable, or clearly flagged
// and fixable — never a zombie that is neither a draft nor in the queue.
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../../../src/app/story/summaries.ts';
import { isDue } from '../../../src/domain/send/sendReducer.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb } from '../../../src/store/db.ts';
import { MIGRATIONS } from '../../../src/store/schema.ts';
import { listActive } from '../../../src/store/send/outbox.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { backfillSummaries } from '../../../src/store/story/summaryBackfill.ts';
import { storyAad } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');
let n = 0;

/** Opens a database at an earlier version, writes rows as that version did, then closes it. */
async function writeAt(version: number, write: (db: ReturnType<typeof createDb>) => Promise<void>) {
  const name = `send-state-migration-${++n}`;
  const old = createDb(
    name,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  await old.open();
  await write(old);
  old.close();
  return createDb(name);
}

const sealedDraft = (id: string) => cipher.seal(completeDraft(id, true), storyAad(id));

describe('DB_V4_SEND_STATE_IN_OUTBOX through the repositories', () => {
  it.each([1, 2])(
    'a story waiting to send at v%i (no outbox then) comes out a flagged, sendable draft',
    async (v) => {
      const db = await writeAt(v, async (old) => {
        await old
          .table('stories')
          .put({ id: 'w', state: 'queued', updatedAt: NOW, payload: await sealedDraft('w') });
        await old
          .table('stories')
          .put({ id: 's', state: 'sending', updatedAt: NOW, payload: await sealedDraft('s') });
        await old
          .table('stories')
          .put({ id: 'd', state: 'draft', updatedAt: NOW, payload: await sealedDraft('d') });
      });
      await backfillSummaries(db, cipher);
      const summaries = await readSummaries(db, cipher);
      for (const id of ['w', 's']) {
        const row = summaries.find((s) => s.id === id);
        expect(row).toMatchObject({ state: 'draft', editable: true, mayHaveArrived: false });
        expect(row?.problem).toBe('requeue');
      }
      expect(summaries.find((s) => s.id === 'd')).toMatchObject({ state: 'draft', problem: undefined });
      // Sendable: queue it again and the runner finds it due.
      const story = await stories.getStory(db, cipher, 'w');
      if (!story?.draft) throw new Error('draft not readable');
      const check = checkQueueable(story.draft, { recordedByDefault: 'Sam', region: 'uk' });
      if (!check.ok) throw new Error('not queueable');
      const queued = await storyQueue.queueStory(db, cipher, 'w', check.story, 'key-w', NOW, story.updatedAt);
      expect(queued).toMatchObject({ ok: true, value: { kind: 'applied' } });
      expect((await listActive(db)).filter((e) => isDue(e, NOW, true)).map((e) => e.id)).toEqual(['w']);
      // Saving the draft again clears the flag.
      await storyQueue.unqueueStory(db, cipher, 'w', NOW + 1);
      await stories.saveDraft(db, cipher, 'w', story.draft, NOW + 2);
      expect((await readSummaries(db, cipher)).find((s) => s.id === 'w')?.problem).toBeUndefined();
      db.close();
    },
  );

  it('at v3: a waiting entry stays waiting, an attempted one stays fixed, a refused one stays fixable', async () => {
    const db = await writeAt(3, async (old) => {
      for (const id of ['q', 'a', 'r']) {
        const state = id === 'r' ? 'draft' : 'queued';
        await old.table('stories').put({ id, state, updatedAt: NOW, payload: await sealedDraft(id) });
      }
      const base = {
        idempotencyKey: 'k',
        payload: {},
        nextAttemptAt: NOW,
        queuedAt: NOW,
        failures: 0,
        notBefore: 0,
      };
      await old.table('outbox').put({ ...base, id: 'q', state: 'queued', attempts: 0 });
      await old.table('outbox').put({ ...base, id: 'a', state: 'sending', attempts: 2, firstAttemptAt: NOW });
      await old
        .table('outbox')
        .put({ ...base, id: 'r', state: 'needs-attention', attempts: 1, firstAttemptAt: NOW });
      // A v3 story marked queued whose entry is missing: flagged, not lost.
      await old
        .table('stories')
        .put({ id: 'z', state: 'queued', updatedAt: NOW, payload: await sealedDraft('z') });
    });
    await backfillSummaries(db, cipher);
    const byId = new Map((await readSummaries(db, cipher)).map((s) => [s.id, s]));
    expect(byId.get('q')).toMatchObject({ state: 'queued', editable: true, mayHaveArrived: false });
    expect(byId.get('a')).toMatchObject({ state: 'sending', editable: false, mayHaveArrived: true });
    expect(byId.get('r')).toMatchObject({ state: 'needs-attention', editable: true, mayHaveArrived: false });
    expect(byId.get('z')).toMatchObject({ state: 'draft', editable: true });
    expect(byId.get('z')?.problem).toBe('requeue');
    // The attempted one is resumed (with its key) by a runner that holds the lock.
    expect(
      (await listActive(db))
        .filter((e) => isDue(e, NOW, true))
        .map((e) => e.id)
        .sort(),
    ).toEqual(['a', 'q']);
    db.close();
  });
});
