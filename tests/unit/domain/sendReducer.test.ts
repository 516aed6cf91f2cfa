// The send queue's one reducer: properties over random event sequences, and the moves that matter
// most spelled out (a cut-off answer, a stricter rule after an attempt, withdraw mid-send).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeskVerdict, SendVerdict } from '../../../src/domain/send/answers.ts';
import type { OutboxEntry } from '../../../src/domain/send/sendEntry.ts';
import {
  applyQueueEvent,
  canEdit,
  IN_FLIGHT_MS,
  isDue,
  keyMayBeUsed,
  mayHaveArrived,
  type QueueEvent,
  wasAttempted,
} from '../../../src/domain/send/sendReducer.ts';
import { isStoryNumber } from '../../../src/domain/story/storyNumber.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';

const ctx = { random: () => 0.5 };
const VERDICTS: DeskVerdict[] = [
  { class: 'sent', id: 'co-1' },
  // The posting desk's own (issue 27).
  { class: 'at-desk' },
  { class: 'desk-key-changed' },
  { class: 'retry', reason: 'busy', retryAfterMs: 5_000 },
  { class: 'retry', reason: 'unreachable' },
  { class: 'needs-attention', errors: [], reason: 'refused' },
  { class: 'key-rejected', reason: 'keyRejected' },
];

const verdict = fc.constantFrom(...VERDICTS);
const event = (now: number): fc.Arbitrary<QueueEvent> =>
  fc.oneof(
    fc.record({
      type: fc.constant('queued' as const),
      id: fc.constant('s'),
      key: fc.uuid(),
      payload: fc.constant('sealed'),
      consented: fc.boolean(),
      now: fc.constant(now),
      byHand: fc.boolean(),
    }),
    fc.record({
      type: fc.constant('posted-by-hand' as const),
      storyNumber: fc.oneof(
        fc.constantFrom('1234567', '', '0', '012', 'abc', '12 3', '<b>1</b>'),
        fc.string(),
      ),
      now: fc.constant(now),
    }),
    fc.record({
      type: fc.constant('delivery-changed' as const),
      mode: fc.constantFrom('automatic' as const, 'by-hand' as const, 'desk' as const),
      now: fc.constant(now),
    }),
    fc.constant({ type: 'edited' as const }),
    fc.constant({ type: 'withdrawn' as const, now }),
    fc.record({ type: fc.constant('made-due' as const), now: fc.constant(now), resetBackoff: fc.boolean() }),
    fc.record({
      type: fc.constant('attempt-started' as const),
      now: fc.constant(now),
      destination: fc.constantFrom('dest-a', 'dest-b'),
      exclusive: fc.boolean(),
      desk: fc.option(
        fc.record({ sealed: fc.constantFrom('desk-a', 'desk-b'), kid: fc.constantFrom('d1', 'd2') }),
        {
          nil: undefined,
        },
      ),
    }),
    fc.record({
      type: fc.constant('answered' as const),
      attempt: fc.nat(4),
      verdict,
      now: fc.constant(now),
      newKey: fc.option(fc.uuid(), { nil: undefined }),
    }),
    // The posting desk (issue 27).
    fc.constant({ type: 'desk-waits' as const, reason: 'noDesk' as const, now }),
    fc.record({
      type: fc.constant('desk-status' as const),
      state: fc.constantFrom('posted' as const, 'withdrawn' as const, 'unknown' as const),
      storyNumber: fc.option(fc.constantFrom('1234567', 'abc'), { nil: undefined }),
      now: fc.constant(now),
      newKey: fc.option(fc.uuid(), { nil: undefined }),
    }),
    fc.record({
      type: fc.constant('desk-deleted' as const),
      outcome: fc.constantFrom('gone' as const, 'posted' as const),
      storyNumber: fc.option(fc.constantFrom('7654321', ''), { nil: undefined }),
      newKey: fc.option(fc.uuid(), { nil: undefined }),
      now: fc.constant(now),
    }),
    fc.constant({ type: 'interrupted' as const, now }),
    fc.constant({ type: 'refused-locally' as const, reason: 'damaged', now }),
    fc.constant({ type: 'exported' as const, now }),
  );

/** Random sequences of events, time moving on between them. */
const runs = fc.array(fc.nat(60_000), { minLength: 1, maxLength: 30 }).chain((gaps) => {
  const times = gaps.map((_gap, i) => 1_000_000 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0));
  return fc.tuple(...times.map((t) => event(t)));
});

type Step = {
  before: OutboxEntry | null;
  event: QueueEvent;
  after: OutboxEntry | null;
  settled: string | null;
};

function play(events: QueueEvent[]): Step[] {
  let entry: OutboxEntry | null = null;
  const steps: Step[] = [];
  for (const e of events) {
    // Answers in the generator guess the attempt; half the time make it the current one.
    const ev = e.type === 'answered' && entry && e.attempt % 2 === 0 ? { ...e, attempt: entry.attempts } : e;
    const result = applyQueueEvent(entry, ev, ctx);
    if (!result.ok) {
      steps.push({ before: entry, event: ev, after: entry, settled: null });
      continue;
    }
    const { next } = result;
    const after = next.kind === 'entry' ? next.entry : null;
    steps.push({ before: entry, event: ev, after, settled: next.kind === 'entry' ? null : next.kind });
    entry = after;
  }
  return steps;
}

describe('applyQueueEvent (properties)', () => {
  it('fixes the key and destination from the first attempt until an answer settles it', () => {
    fc.assert(
      fc.property(runs, (events) => {
        for (const { before, after } of play(events)) {
          if (before?.firstAttemptAt === undefined || after === null) continue;
          if (before.state === 'needs-attention') continue; // settled: a new queueing may follow
          // The desk's key changed before it stored this one (or it was taken back for a new desk
          // key): nothing is kept under the old key, so it is sealed again, as if never tried.
          if (after.firstAttemptAt === undefined && before.desk !== undefined) continue;
          expect(after.idempotencyKey).toBe(before.idempotencyKey);
          expect(after.destination).toBe(before.destination);
          expect(after.payload).toBe(before.payload);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('no consent, no entry: and so nothing to send', () => {
    fc.assert(
      fc.property(runs, (events) => {
        for (const { event, before, after } of play(events)) {
          if (event.type === 'queued' && !event.consented) expect(after).toBe(before);
          if (event.type === 'attempt-started' && before === null) expect(after).toBeNull();
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('every answered story ends sent, needs attention, or waiting with its next try in the future', () => {
    fc.assert(
      fc.property(runs, (events) => {
        for (const { event, before, after, settled } of play(events)) {
          if (event.type !== 'answered' || before === after) continue;
          if (settled !== null) expect(['sent', 'withdrawn']).toContain(settled);
          else if (after?.state === 'at-desk') expect(before?.desk).toBeDefined();
          else if (after?.state === 'queued') {
            expect(after.nextAttemptAt).toBeGreaterThanOrEqual(event.now);
            expect(after.nextAttemptAt).toBeGreaterThanOrEqual(after.notBefore);
          } else expect(after?.state).toBe('needs-attention');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('never reopens a story that may have arrived, and never sends one twice at once', () => {
    fc.assert(
      fc.property(runs, (events) => {
        for (const { event, before, after } of play(events)) {
          if (mayHaveArrived(before) && after !== null && after.state !== 'needs-attention')
            expect(canEdit(after)).toBe(false);
          // (One the posting desk holds is moved only by the desk's answers, issue 27.)
          if (
            event.type === 'refused-locally' &&
            before?.firstAttemptAt !== undefined &&
            before.state !== 'at-desk'
          )
            expect(after?.state).toBe('queued');
          if (
            event.type === 'attempt-started' &&
            !event.exclusive &&
            before?.state === 'sending' &&
            event.now < (before.attemptStartedAt ?? 0) + IN_FLIGHT_MS
          )
            expect(after).toBe(before);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Runs that start with a story at the posting desk (sent there, and stored). */
const atDeskFirst = runs.map((events): QueueEvent[] => [
  { type: 'queued', id: 's', key: 'k0', payload: 'sealed', consented: true, now: 0 },
  {
    type: 'attempt-started',
    now: 1,
    destination: 'dest-a',
    exclusive: true,
    desk: { sealed: 'desk-a', kid: 'd1' },
  },
  { type: 'answered', attempt: 1, verdict: { class: 'at-desk' }, now: 2 },
  ...events,
]);

describe('applyQueueEvent: the posting desk (properties, issue 27)', () => {
  it('only a story sent to the desk is ever at the desk, and its frozen body and key stay until it is sealed again', () => {
    fc.assert(
      fc.property(fc.oneof(runs, atDeskFirst), (events) => {
        for (const { event, before, after } of play(events)) {
          if (after?.state === 'at-desk') expect(after.desk).toBeDefined();
          if (before?.desk === undefined || after === null) continue;
          if (before.state === 'needs-attention') continue; // refused: fixed, it is queued afresh under a new key
          if (after.desk === undefined) {
            // Only a new desk key (or the desk losing it after a key change) seals it again, under a new key.
            expect(['answered', 'desk-deleted', 'desk-status']).toContain(event.type);
            expect(after.idempotencyKey).not.toBe(before.idempotencyKey);
            expect(after.state).toBe('queued');
          } else {
            expect(after.desk).toBe(before.desk);
            expect(after.deskKid).toBe(before.deskKid);
            expect(after.idempotencyKey).toBe(before.idempotencyKey);
          }
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('a story at the desk is never due, never edited, never exported and never moved by a change of mode', () => {
    fc.assert(
      fc.property(atDeskFirst, fc.nat(10_000_000), fc.boolean(), (events, later, exclusive) => {
        for (const { event, before, after } of play(events)) {
          if (before?.state !== 'at-desk') continue;
          expect(isDue(before, before.queuedAt + later, exclusive)).toBe(false);
          expect(canEdit(before)).toBe(false);
          expect(mayHaveArrived(before), 'the desk is asked first: no take-down advice yet').toBe(false);
          if (['exported', 'delivery-changed', 'made-due', 'attempt-started', 'edited'].includes(event.type))
            expect(after).toBe(before);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('withdrawn at the desk, it is never sent: it settles only as withdrawn, with the number when the lead posted it first', () => {
    fc.assert(
      fc.property(fc.oneof(runs, atDeskFirst), (events) => {
        for (const step of play(events)) {
          const { event, before } = step;
          if (before?.withdrawnAt === undefined || before.desk === undefined) continue;
          const result = applyQueueEvent(before, event, ctx);
          if (!result.ok) continue;
          expect(result.next.kind).not.toBe('sent');
          if (result.next.kind === 'entry') expect(result.next.entry.withdrawnAt).toBe(before.withdrawnAt);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Runs that start with a story tried through the API and left waiting (a cut-off answer). */
const triedFirst = runs.map((events): QueueEvent[] => [
  { type: 'queued', id: 's', key: 'k0', payload: 'sealed', consented: true, now: 0 },
  { type: 'attempt-started', now: 1, destination: 'dest-a', exclusive: true },
  { type: 'answered', attempt: 0, verdict: { class: 'retry', reason: 'incomplete' }, now: 2 },
  ...events,
]);

describe('applyQueueEvent: hand-off (properties)', () => {
  it('a story ready to post is never due, never attempted, and never sent by the runner', () => {
    fc.assert(
      fc.property(runs, fc.nat(10_000_000), fc.boolean(), (events, later, exclusive) => {
        for (const { event, before, after } of play(events)) {
          if (before?.state !== 'ready-to-post') continue;
          expect(isDue(before, before.queuedAt + later, exclusive)).toBe(false);
          expect(wasAttempted(before)).toBe(false);
          expect(mayHaveArrived(before)).toBe(false);
          if (event.type === 'attempt-started' || event.type === 'answered' || event.type === 'made-due')
            expect(after).toBe(before);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('it settles as sent only when posted by hand with a valid story number, and says so', () => {
    fc.assert(
      fc.property(runs, (events) => {
        for (const step of play(events)) {
          const { event, before } = step;
          const result = applyQueueEvent(before, event, ctx);
          if (before?.state === 'ready-to-post' && result.ok && result.next.kind === 'sent') {
            expect(event.type).toBe('posted-by-hand');
            if (event.type === 'posted-by-hand') {
              expect(isStoryNumber(event.storyNumber)).toBe(true);
              expect(result.next).toEqual({ kind: 'sent', careOpinionId: event.storyNumber, byHand: true });
            }
          }
          if (event.type === 'posted-by-hand' && result.ok) expect(before?.state).toBe('ready-to-post');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('switching mode moves only stories never tried, and loses none', () => {
    fc.assert(
      fc.property(fc.oneof(runs, triedFirst), (events) => {
        for (const { event, before, after, settled } of play(events)) {
          if (event.type !== 'delivery-changed' || before === null) continue;
          expect(settled).toBeNull();
          expect(after?.idempotencyKey).toBe(before.idempotencyKey);
          expect(after?.payload).toBe(before.payload);
          if (keyMayBeUsed(before) || before.state === 'needs-attention' || before.state === 'sending')
            expect(after).toBe(before);
          else expect(after?.state).toBe(event.mode === 'by-hand' ? 'ready-to-post' : 'queued');
        }
      }),
      { numRuns: 2_000 },
    );
  });
});

const queued = (): OutboxEntry => {
  const result = applyQueueEvent(
    null,
    { type: 'queued', id: 's', key: 'k1', payload: 'p', consented: true, now: 0 },
    ctx,
  );
  if (!result.ok || result.next.kind !== 'entry') throw new Error('not queued');
  return result.next.entry;
};
const step = (e: OutboxEntry | null, event: QueueEvent) => {
  const result = applyQueueEvent(e, event, ctx);
  if (!result.ok) throw new Error(result.reason);
  return result.next;
};
const entryOf = (next: ReturnType<typeof step>) => {
  if (next.kind !== 'entry') throw new Error(`settled as ${next.kind}`);
  return next.entry;
};

describe('applyQueueEvent (examples)', () => {
  it('has the seven states, each with its words', () => {
    expect(Object.keys(enGB.send.states)).toEqual([
      'draft',
      'queued',
      'ready-to-post',
      'sending',
      'at-desk',
      'sent',
      'needs-attention',
    ]);
    expect(enGB.send.states['ready-to-post']).toBe('Ready to post');
  });

  it('hand-off: ready to post, editable and withdrawable like a queued story, posted by hand with its number', () => {
    const ready = entryOf(
      step(null, { type: 'queued', id: 's', key: 'k1', payload: 'p', consented: true, now: 0, byHand: true }),
    );
    expect(ready.state).toBe('ready-to-post');
    expect(canEdit(ready)).toBe(true);
    expect(step(ready, { type: 'withdrawn', now: 1 })).toEqual({ kind: 'deleted' });
    expect(applyQueueEvent(ready, { type: 'posted-by-hand', storyNumber: 'nope', now: 1 }, ctx).ok).toBe(
      false,
    );
    expect(step(ready, { type: 'posted-by-hand', storyNumber: '1234567', now: 1 })).toEqual({
      kind: 'sent',
      careOpinionId: '1234567',
      byHand: true,
    });
    const noConsent = applyQueueEvent(
      null,
      { type: 'queued', id: 's', key: 'k1', payload: 'p', consented: false, now: 0, byHand: true },
      ctx,
    );
    expect(noConsent.ok).toBe(false);
    expect(
      applyQueueEvent(queued(), { type: 'posted-by-hand', storyNumber: '1234567', now: 1 }, ctx).ok,
    ).toBe(false);
  });

  it('hand-off: switching mode moves stories never tried; one tried through the API stays with it', () => {
    const ready = entryOf(step(queued(), { type: 'delivery-changed', mode: 'by-hand', now: 5 }));
    expect(ready.state).toBe('ready-to-post');
    const back = entryOf(step(ready, { type: 'delivery-changed', mode: 'automatic', now: 9 }));
    expect(back).toMatchObject({ state: 'queued', nextAttemptAt: 9, idempotencyKey: 'k1' });
    const sending = entryOf(
      step(back, { type: 'attempt-started', now: 10, destination: 'd', exclusive: true }),
    );
    const retry: SendVerdict = { class: 'retry', reason: 'incomplete' };
    const tried = entryOf(step(sending, { type: 'answered', attempt: 1, verdict: retry, now: 11 }));
    expect(entryOf(step(tried, { type: 'delivery-changed', mode: 'by-hand', now: 12 }))).toBe(tried);
  });

  it('a story waiting that was never tried may be edited; once tried it may not, until a refusal settles it', () => {
    const e = queued();
    expect(canEdit(e)).toBe(true);
    const sending = entryOf(step(e, { type: 'attempt-started', now: 1, destination: 'd', exclusive: true }));
    expect(canEdit(sending)).toBe(false);
    const retry: SendVerdict = { class: 'retry', reason: 'incomplete' };
    const waiting = entryOf(step(sending, { type: 'answered', attempt: 1, verdict: retry, now: 2 }));
    expect(canEdit(waiting)).toBe(false);
    expect(mayHaveArrived(waiting)).toBe(true);
    expect(isDue(waiting, waiting.nextAttemptAt, true)).toBe(true);
    const again = entryOf(
      step(waiting, { type: 'attempt-started', now: 3, destination: 'other', exclusive: true }),
    );
    expect(again.destination).toBe('d');
    const refused: SendVerdict = { class: 'needs-attention', errors: [], reason: 'refused' };
    const settled = entryOf(step(again, { type: 'answered', attempt: 2, verdict: refused, now: 4 }));
    expect(canEdit(settled)).toBe(true);
    expect(mayHaveArrived(settled)).toBe(false);
    expect(step(settled, { type: 'edited' })).toEqual({ kind: 'draft' });
  });

  it('a stricter local rule after an attempt holds the story back, never reopens it', () => {
    const tried = entryOf(
      step(queued(), { type: 'attempt-started', now: 1, destination: 'd', exclusive: true }),
    );
    const retry: SendVerdict = { class: 'retry', reason: 'notComplete' };
    const waiting = entryOf(step(tried, { type: 'answered', attempt: 1, verdict: retry, now: 2 }));
    const held = entryOf(step(waiting, { type: 'refused-locally', reason: 'notComplete', now: 3 }));
    expect(held).toMatchObject({ state: 'queued', idempotencyKey: 'k1', lastProblem: 'notComplete' });
    expect(canEdit(held)).toBe(false);
    expect(applyQueueEvent(held, { type: 'edited' }, ctx).ok).toBe(false);
  });

  it('withdraw mid-send waits for the answer and keeps Care Opinion’s id', () => {
    const sending = entryOf(
      step(queued(), { type: 'attempt-started', now: 1, destination: 'd', exclusive: true }),
    );
    const withdrawing = entryOf(step(sending, { type: 'withdrawn', now: 2 }));
    expect(withdrawing.withdrawnAt).toBe(2);
    const sent: SendVerdict = { class: 'sent', id: 'co-77' };
    expect(step(withdrawing, { type: 'answered', attempt: 1, verdict: sent, now: 3 })).toEqual({
      kind: 'withdrawn',
      careOpinionId: 'co-77',
      mayHaveArrived: true,
    });
    expect(step(withdrawing, { type: 'interrupted', now: 3 })).toEqual({
      kind: 'withdrawn',
      mayHaveArrived: true,
    });
    expect(step(queued(), { type: 'withdrawn', now: 2 })).toEqual({ kind: 'deleted' });
  });

  it('an answer to an older attempt is not this one’s', () => {
    const sending = entryOf(
      step(queued(), { type: 'attempt-started', now: 1, destination: 'd', exclusive: true }),
    );
    const sent: SendVerdict = { class: 'sent', id: 'x' };
    expect(applyQueueEvent(sending, { type: 'answered', attempt: 0, verdict: sent, now: 2 }, ctx).ok).toBe(
      false,
    );
  });

  it('made-due never moves a try before Retry-After, and leaves an unchanged entry as it is', () => {
    const sending = entryOf(
      step(queued(), { type: 'attempt-started', now: 1, destination: 'd', exclusive: true }),
    );
    const busy: SendVerdict = { class: 'retry', reason: 'busy', retryAfterMs: 60_000 };
    const waiting = entryOf(step(sending, { type: 'answered', attempt: 1, verdict: busy, now: 10 }));
    const due = entryOf(step(waiting, { type: 'made-due', now: 20, resetBackoff: true }));
    expect(due.nextAttemptAt).toBe(60_010);
    expect(due.failures).toBe(0);
    expect(entryOf(step(due, { type: 'made-due', now: 30, resetBackoff: true }))).toBe(due);
  });

  it("a story's backoff grows with the lesser of its own failures and the queue's failed answers in a row before it", () => {
    // Six failures of its own; random 0.5 takes half of min(cap, 2 s × 2^exponent).
    const failedSix = {
      ...queued(),
      state: 'sending' as const,
      attempts: 7,
      failures: 6,
      attemptStartedAt: 1,
    };
    const unreachable: SendVerdict = { class: 'retry', reason: 'unreachable' };
    const waitAfter = (failedBefore: number | undefined, verdict = unreachable) => {
      const result = applyQueueEvent(
        failedSix,
        { type: 'answered', attempt: 7, verdict, now: 10 },
        failedBefore === undefined ? ctx : { ...ctx, failedBefore },
      );
      if (!result.ok || result.next.kind !== 'entry') throw new Error('not kept');
      expect(result.next.entry.failures).toBe(7);
      return result.next.entry.nextAttemptAt - 10;
    };
    // The server answers others: this story's fault is its own, and it waits as after one failure.
    expect(waitAfter(0)).toBe(1_000);
    expect(waitAfter(1)).toBe(2_000);
    // Every answer fails (an outage): its own backoff, as without the queue's count.
    expect(waitAfter(40)).toBe(64_000);
    expect(waitAfter(undefined)).toBe(64_000);
    // Retry-After is still the floor.
    expect(waitAfter(0, { class: 'retry', reason: 'busy', retryAfterMs: 30_000 })).toBe(30_000);
  });
});
