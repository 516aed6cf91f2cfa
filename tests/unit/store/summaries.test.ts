// Home's rows (DB_V5_SUMMARIES): written with the story in one transaction, moved by the send
// writer, sealed; the counts come from indexes (drafts and withdrawn stories are not collected).
import { describe, expect, it } from 'vitest';
import { readSummaries } from '../../../src/app/story/summaries.ts';
import type { SendVerdict } from '../../../src/domain/send/answers.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb } from '../../../src/store/db.ts';
import { countWaiting } from '../../../src/store/send/outbox.ts';
import { countSentSince } from '../../../src/store/send/receipts.ts';
import { applySendEvent } from '../../../src/store/send/sendWriter.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { countSummaries } from '../../../src/store/story/summaries.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');
const ctx = { random: () => 0.5 };
let n = 0;

async function queue(db: ReturnType<typeof createDb>, id: string, onBehalf = false, at = NOW) {
  const draft = {
    ...completeDraft(id, true, at),
    author: {
      ...completeDraft(id, true, at).author,
      noEmail: onBehalf,
      email: onBehalf ? '' : 'a@example.org',
    },
  };
  await stories.createStory(db, cipher, id, draft, at);
  const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
  if (!check.ok) throw new Error(JSON.stringify(check.missing));
  await storyQueue.queueStory(db, cipher, id, check.story, `key-${id}`, at, at);
}

describe('summaries', () => {
  it('follow each story through draft, queue, send and withdraw; the counts follow them', async () => {
    const db = createDb(`summaries-${++n}`);
    await stories.createStory(db, cipher, 'draft', completeDraft('draft', false), NOW);
    await queue(db, 'sent');
    await queue(db, 'behalf', true);
    await queue(db, 'old', false, Date.parse('2026-10-02T10:00:00Z'));
    await queue(db, 'gone');
    const started = { type: 'attempt-started', now: NOW, destination: undefined, exclusive: true } as const;
    await applySendEvent(db, cipher, 'sent', started, { ctx, now: NOW });
    const verdict: SendVerdict = { class: 'sent', id: 'co-1' };
    await applySendEvent(
      db,
      cipher,
      'sent',
      { type: 'answered', attempt: 1, verdict, now: NOW + 1 },
      { ctx, now: NOW + 1 },
    );
    await storyQueue.withdrawStory(db, cipher, 'gone', NOW + 2); // never attempted: deleted

    const rows = await readSummaries(db, cipher);
    expect(rows.map((r) => [r.id, r.state]).sort()).toEqual([
      ['behalf', 'queued'],
      ['draft', 'draft'],
      ['old', 'queued'],
      ['sent', 'sent'],
    ]);
    expect(rows.find((r) => r.id === 'sent')).toMatchObject({ title: 'Story sent', sentId: 'co-1' });
    const counts = await countSummaries(db, NOW);
    expect(counts).toEqual({
      total: 4,
      today: 3,
      collectedToday: 2, // "sent" and "behalf"; the draft is not collected, "old" was started before
      month: { onBehalf: 1, all: 2 }, // the draft is not collected; "old" is last month
      allTime: { onBehalf: 1, all: 3 },
    });
    // Real sends from the receipts' plain fields: since a time (a session's start, midnight).
    expect(await countSentSince(db, NOW)).toBe(1);
    expect(await countSentSince(db, NOW + 2)).toBe(0);
    // The Lock screen's count, with no key: two waiting to send ("behalf", "old"), the draft kept.
    expect(await countWaiting(db)).toEqual({ toSend: 2, kept: 1 });
    // A withdrawn story leaves the share.
    await storyQueue.withdrawStory(db, cipher, 'sent', NOW + 3);
    expect((await countSummaries(db, NOW)).allTime).toEqual({ onBehalf: 1, all: 2 });
    // Pages: the newest first, only as many as asked.
    expect((await readSummaries(db, cipher, 0, 2)).length).toBe(2);
    expect((await readSummaries(db, cipher, 3, 50)).map((r) => r.id)).toEqual(['old']);
    db.close();
  });

  it('keep the title sealed', async () => {
    const db = createDb(`summaries-${++n}`);
    await stories.createStory(
      db,
      cipher,
      's',
      { ...completeDraft('s', true), title: 'Quillon kindness' },
      NOW,
    );
    const raw = JSON.stringify(await db.summaries.toArray());
    expect(raw).not.toContain('Quillon');
    expect((await readSummaries(db, cipher))[0]?.title).toBe('Quillon kindness');
    db.close();
  });

  it("a draft's row carries the step reached and what is missing, sealed, by the readiness rule", async () => {
    const db = createDb(`summaries-${++n}`);
    const readiness = { recordedByDefault: '', region: 'uk' } as const;
    const draft = {
      ...completeDraft('half', false),
      step: 3,
      author: { ...completeDraft('half', false).author, postcode: 'nope' },
    };
    await stories.createStory(db, cipher, 'half', draft, NOW, readiness);
    const [row] = await readSummaries(db, cipher);
    const check = checkQueueable(draft, { ...readiness, now: NOW });
    expect(check.ok).toBe(false);
    expect(row).toMatchObject({ state: 'draft', step: 3 });
    expect(row?.missing).toEqual(check.ok ? [] : check.missing.map((m) => m.field));
    expect(row?.missing).toEqual(['author.postcode', 'consent']);
    // Sealed: the plain row holds no step, no field names, no values.
    const plain = JSON.stringify(await db.summaries.get('half'));
    expect(plain).not.toMatch(/author\.postcode|consent|nope|"step"/);
    const saved = await stories.saveDraft(
      db,
      cipher,
      'half',
      { ...draft, author: { ...draft.author, postcode: 'NG5 1PB' } },
      NOW + 1,
      readiness,
    );
    expect(saved.ok).toBe(true);
    expect((await readSummaries(db, cipher))[0]?.missing).toEqual(['consent']);
  });
});
