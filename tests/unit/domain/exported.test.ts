// Issue 26: "Exported" is a mark the reducer adds, and nothing else — the story keeps its state, key,
// payload and due time, so the iPad still sends it (once); and from then on its key may have been
// used, so it is never reopened, moved to posting by hand or quietly deleted on withdraw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SendVerdict } from '../../../src/domain/send/answers.ts';
import type { OutboxEntry } from '../../../src/domain/send/sendEntry.ts';
import {
  applyQueueEvent,
  canEdit,
  isDue,
  isWaitingToSend,
  keyMayBeUsed,
  mayHaveArrived,
  type QueueEvent,
} from '../../../src/domain/send/sendReducer.ts';

const ctx = { random: () => 0.5 };
const base: OutboxEntry = {
  id: 's',
  state: 'queued',
  version: 3,
  idempotencyKey: 'k1',
  payload: 'sealed',
  attempts: 0,
  nextAttemptAt: 100,
  failures: 0,
  notBefore: 0,
  queuedAt: 50,
};
const sending: OutboxEntry = {
  ...base,
  state: 'sending',
  attempts: 1,
  firstAttemptAt: 90,
  attemptStartedAt: 90,
};
const EXPORT: QueueEvent = { type: 'exported', now: 1_000 };

describe('the exported event (case table)', () => {
  it.each<[string, OutboxEntry | null, 'marked' | 'refused']>([
    ['queued, never tried', base, 'marked'],
    ['queued, tried before (a cut-off answer)', { ...base, attempts: 1, firstAttemptAt: 60 }, 'marked'],
    ['sending (a request in flight)', sending, 'marked'],
    ['exported already: marked again with the later time', { ...base, exportedAt: 500 }, 'marked'],
    ['ready to post (a person may post it by hand)', { ...base, state: 'ready-to-post' }, 'refused'],
    ['needs attention (its body was refused)', { ...base, state: 'needs-attention' }, 'refused'],
    ['withdrawn mid-send', { ...sending, withdrawnAt: 95 }, 'refused'],
    ['no entry (a draft)', null, 'refused'],
  ])('%s → %s', (_, entry, outcome) => {
    const result = applyQueueEvent(entry, EXPORT, ctx);
    if (outcome === 'refused') {
      expect(result).toEqual({ ok: false, reason: 'notExportable' });
      return;
    }
    if (!result.ok || result.next.kind !== 'entry' || entry === null) throw new Error('not marked');
    // Only the mark and the version change: key, payload, state, due time, backoff and tries stay.
    expect(result.next.entry).toEqual({ ...entry, exportedAt: 1_000, version: entry.version + 1 });
  });

  it('waiting to send is queued or sending and not withdrawn: what the relay is told and what the file holds', () => {
    expect(isWaitingToSend(base)).toBe(true);
    expect(isWaitingToSend(sending)).toBe(true);
    expect(isWaitingToSend({ ...sending, withdrawnAt: 1 })).toBe(false);
    expect(isWaitingToSend({ ...base, state: 'ready-to-post' })).toBe(false);
    expect(isWaitingToSend({ ...base, state: 'needs-attention' })).toBe(false);
  });
});

const exported = (() => {
  const r = applyQueueEvent(base, EXPORT, ctx);
  if (!r.ok || r.next.kind !== 'entry') throw new Error('not marked');
  return r.next.entry;
})();

describe('an exported story', () => {
  it('is still due and sent under the same key; the answer settles it once', () => {
    expect(isDue(exported, 1_000, true)).toBe(true);
    const started = applyQueueEvent(
      exported,
      { type: 'attempt-started', now: 1_001, destination: 'd', exclusive: true },
      ctx,
    );
    if (!started.ok || started.next.kind !== 'entry') throw new Error('not started');
    expect(started.next.entry).toMatchObject({ state: 'sending', idempotencyKey: 'k1', exportedAt: 1_000 });
    // The relay already had it from the file: a replay (200) answers with the same id.
    const sent: SendVerdict = { class: 'sent', id: 'co-1' };
    const answered = applyQueueEvent(
      started.next.entry,
      { type: 'answered', attempt: 1, verdict: sent, now: 1_002 },
      ctx,
    );
    expect(answered).toEqual({ ok: true, next: { kind: 'sent', careOpinionId: 'co-1' } });
  });

  it('may have arrived: never taken back to edit, kept as a receipt on withdraw, never moved to by hand', () => {
    expect(canEdit(base)).toBe(true);
    expect(keyMayBeUsed(exported)).toBe(true);
    expect(canEdit(exported)).toBe(false);
    expect(mayHaveArrived(exported)).toBe(true);
    expect(applyQueueEvent(exported, { type: 'edited' }, ctx)).toEqual({ ok: false, reason: 'alreadySent' });
    expect(applyQueueEvent(exported, { type: 'withdrawn', now: 2_000 }, ctx)).toEqual({
      ok: true,
      next: { kind: 'withdrawn', mayHaveArrived: true },
    });
    const moved = applyQueueEvent(exported, { type: 'delivery-changed', mode: 'by-hand', now: 2_000 }, ctx);
    expect(moved).toEqual({ ok: true, next: { kind: 'entry', entry: exported } });
  });

  it('whatever follows, keeps its key and payload until settled, and is never a draft again unless refused', () => {
    const events: fc.Arbitrary<QueueEvent> = fc.oneof(
      fc.constant({ type: 'edited' as const }),
      fc.constant({ type: 'exported' as const, now: 3_000 }),
      fc.constant({ type: 'made-due' as const, now: 3_000, resetBackoff: true }),
      fc.constant({ type: 'delivery-changed' as const, mode: 'by-hand' as const, now: 3_000 }),
      fc.constant({ type: 'attempt-started' as const, now: 3_000, destination: 'd', exclusive: true }),
      fc.constant({
        type: 'answered' as const,
        attempt: 1,
        verdict: { class: 'retry', reason: 'unreachable' } as SendVerdict,
        now: 3_000,
      }),
    );
    fc.assert(
      fc.property(fc.array(events, { maxLength: 12 }), (seq) => {
        let entry: OutboxEntry = exported;
        for (const event of seq) {
          const r = applyQueueEvent(entry, event, ctx);
          if (!r.ok) continue;
          expect(r.next.kind).toBe('entry'); // no draft, no deletion, no second key
          if (r.next.kind !== 'entry') return;
          entry = r.next.entry;
          expect(entry).toMatchObject({ idempotencyKey: 'k1', payload: 'sealed' });
          expect(entry.exportedAt).toBeDefined();
          expect(entry.state).not.toBe('ready-to-post');
        }
      }),
    );
  });
});
