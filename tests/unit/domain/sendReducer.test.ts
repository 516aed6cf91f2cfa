// The send queue's states and moves: only the listed moves happen, and a story that may already
// be at Care Opinion cannot be edited until an answer settles it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerClass,
  canEdit,
  type QueueEvent,
  type QueueState,
  QueueStateSchema,
  STATE_WORDS,
  transition,
} from '../../../src/domain/sendReducer.ts';

const STATES = QueueStateSchema.options;
const ANSWERS: AnswerClass[] = ['sent', 'retry', 'needs-attention', 'key-rejected'];
const next = (state: QueueState, event: QueueEvent) => {
  const t = transition(state, event);
  return t.ok ? t.state : 'refused';
};

describe('queue states', () => {
  it('has exactly the five states, each with its interface words', () => {
    expect(STATES).toEqual(['draft', 'queued', 'sending', 'sent', 'needs-attention']);
    expect(Object.values(STATE_WORDS)).toEqual([
      'Draft',
      'Waiting to send',
      'Sending',
      'Sent',
      'Needs attention',
    ]);
  });

  it('follows draft → queued → sending → sent', () => {
    expect(next('draft', { type: 'queue' })).toBe('queued');
    expect(next('queued', { type: 'start' })).toBe('sending');
    expect(next('sending', { type: 'answer', class: 'sent' })).toBe('sent');
  });

  it.each([
    ['retry', 'queued'],
    ['needs-attention', 'needs-attention'],
    ['key-rejected', 'queued'],
  ] as const)('an answer "%s" while sending leads to %s', (answer, state) => {
    expect(next('sending', { type: 'answer', class: answer })).toBe(state);
  });

  it('puts a story found in "sending" after a crash back in the queue (same key)', () => {
    expect(next('sending', { type: 'interrupted' })).toBe('queued');
  });

  it('lets a never-attempted queued story be edited (back to draft), but not one already sent once', () => {
    expect(next('queued', { type: 'edit', attempts: 0 })).toBe('draft');
    expect(next('queued', { type: 'edit', attempts: 1 })).toBe('refused');
    expect(next('sending', { type: 'edit', attempts: 0 })).toBe('refused');
  });

  it('lets a story that needs attention be fixed and queued again', () => {
    expect(next('needs-attention', { type: 'edit', attempts: 3 })).toBe('draft');
    expect(next('needs-attention', { type: 'queue' })).toBe('queued');
  });

  it('refuses everything else, with plain words', () => {
    expect(transition('sent', { type: 'queue' })).toEqual({
      ok: false,
      reason: 'A story that is "Sent" cannot take "queue"',
    });
    expect(next('draft', { type: 'start' })).toBe('refused');
    expect(next('draft', { type: 'answer', class: 'sent' })).toBe('refused');
    expect(next('queued', { type: 'answer', class: 'sent' })).toBe('refused');
    expect(next('queued', { type: 'queue' })).toBe('refused');
    expect(next('sending', { type: 'start' })).toBe('refused');
  });

  it('never reaches "sent" except from "sending" on a "sent" answer, whatever the events', () => {
    const event = fc.oneof(
      fc.constantFrom<QueueEvent>({ type: 'queue' }, { type: 'start' }, { type: 'interrupted' }),
      fc.nat(3).map((attempts): QueueEvent => ({ type: 'edit', attempts })),
      fc.constantFrom(...ANSWERS).map((c): QueueEvent => ({ type: 'answer', class: c })),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let state: QueueState = 'draft';
        for (const e of events) {
          const t = transition(state, e);
          if (!t.ok) continue;
          if (t.state === 'sent') expect([state, e]).toEqual(['sending', { type: 'answer', class: 'sent' }]);
          if (state === 'sent') throw new Error('left "sent"');
          state = t.state;
        }
      }),
    );
  });
});

describe('canEdit', () => {
  it.each([
    ['draft', 0, true],
    ['queued', 0, true],
    ['queued', 2, false],
    ['sending', 0, false],
    ['sending', 1, false],
    ['needs-attention', 1, true],
    ['sent', 1, false],
  ] as const)('%s after %i attempts: %s', (state, attempts, expected) => {
    expect(canEdit({ state, attempts })).toBe(expected);
  });

  it('agrees with the "edit" transition for every state', () => {
    for (const state of STATES) {
      for (const attempts of [0, 1]) {
        expect(transition(state, { type: 'edit', attempts }).ok).toBe(canEdit({ state, attempts }));
      }
    }
  });
});
