// The send queue's states and the moves between them, as data: the runner in src/sync applies
// them, the store keeps them, and the interface words for each state live here only.
import * as z from 'zod/mini';

export const QueueStateSchema = z.enum(['draft', 'queued', 'sending', 'sent', 'needs-attention']);
export type QueueState = z.infer<typeof QueueStateSchema>;

/** The one place queue states become interface words (PRODUCT.md). */
export const STATE_WORDS: Readonly<Record<QueueState, string>> = Object.freeze({
  draft: 'Draft',
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  'needs-attention': 'Needs attention',
});

/** The answer classes of `classifyAnswer`, as queue events. */
export type AnswerClass = 'sent' | 'retry' | 'needs-attention' | 'key-rejected';
export type QueueEvent =
  | { type: 'queue' } // a consented, complete story enters the queue (checked by the story schema)
  | { type: 'edit'; attempts: number } // a person changes the story
  | { type: 'start' } // the runner sends it
  | { type: 'answer'; class: AnswerClass } // the classified answer to that request
  | { type: 'interrupted' }; // found in `sending` at start-up: the page died mid-request
export type Transition = { ok: true; state: QueueState } | { ok: false; reason: string };

/** What each answer class leads to from `sending`. Key rejected: held, waiting for a new key. */
const AFTER_ANSWER: Readonly<Record<AnswerClass, QueueState>> = {
  sent: 'sent',
  retry: 'queued',
  'needs-attention': 'needs-attention',
  'key-rejected': 'queued',
};

/** Every allowed move: state → event type → next state. Anything else is refused. */
const MOVES: Readonly<Record<QueueState, Partial<Record<QueueEvent['type'], QueueState>>>> = {
  draft: { queue: 'queued', edit: 'draft' },
  queued: { start: 'sending', edit: 'draft' },
  sending: { interrupted: 'queued' },
  sent: {},
  'needs-attention': { queue: 'queued', edit: 'draft' },
};

export type EditableEntry = { state: QueueState; attempts: number };

/**
 * Whether a person may change the story. Once a request has gone out (attempts > 0 or sending)
 * the server may already hold it, so the payload and key stay fixed until an answer settles it:
 * sent (nothing left to edit) or needs attention (a 4xx refusal). A key refusal does not settle
 * it: an earlier attempt may have arrived.
 */
export function canEdit(entry: EditableEntry): boolean {
  switch (entry.state) {
    case 'draft':
    case 'needs-attention':
      return true;
    case 'queued':
      return entry.attempts === 0;
    case 'sending':
    case 'sent':
      return false;
  }
}

export function transition(state: QueueState, event: QueueEvent): Transition {
  if (event.type === 'answer') {
    if (state !== 'sending') return refuse(state, 'an answer');
    return { ok: true, state: AFTER_ANSWER[event.class] };
  }
  if (event.type === 'edit' && !canEdit({ state, attempts: event.attempts })) {
    return {
      ok: false,
      reason: `A story that is "${STATE_WORDS[state]}" and was already sent cannot be changed`,
    };
  }
  const next = MOVES[state][event.type];
  return next === undefined ? refuse(state, `"${event.type}"`) : { ok: true, state: next };
}

function refuse(state: QueueState, what: string): Transition {
  return { ok: false, reason: `A story that is "${STATE_WORDS[state]}" cannot take ${what}` };
}
