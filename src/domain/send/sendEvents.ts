// The events the send queue's reducer (sendReducer.ts) takes, and what it decides: keep an entry,
// or settle the story. Sealed parts (payload, destination, field problems) are opaque here.

import type { DeliveryMode } from '../settings/settings.ts';
import type { DeskVerdict } from './answers.ts';
import type { OutboxEntry } from './sendEntry.ts';
import type { SendProblem, SendRefusal } from './sendProblem.ts';

export type QueueEvent =
  /**
   * A complete story enters the queue (checked by sendReadiness) with a new key: only with consent.
   * `byHand`: it waits as ready to post on Care Opinion's website instead of being sent.
   */
  | {
      type: 'queued';
      id: string;
      key: string;
      payload: unknown;
      consented: boolean;
      now: number;
      byHand?: boolean;
    }
  /** A person posted it on Care Opinion's website and gave its story number (checked by storyAddress). */
  | { type: 'posted-by-hand'; storyNumber: string; now: number }
  /** "How stories reach Care Opinion" changed: stories never tried move between the two ways. */
  | { type: 'delivery-changed'; mode: DeliveryMode; now: number }
  /** A person takes the story back to change it. */
  | { type: 'edited' }
  /** The storyteller withdraws it. */
  | { type: 'withdrawn'; now: number }
  /** A trigger other than the timer: every waiting story is due now (never before Retry-After). */
  | { type: 'made-due'; now: number; resetBackoff: boolean }
  /**
   * The runner sends it now, to `destination` (sealed) unless one was fixed by an earlier try.
   * `exclusive`: the runner holds a lock no other runner can (Web Locks), so an entry left
   * `sending` is a page that died; otherwise it may still be in flight elsewhere.
   */
  | {
      type: 'attempt-started';
      now: number;
      destination: unknown;
      exclusive: boolean;
      /**
       * To the posting desk (issue 27): the request body sealed with the vault and the desk key's id,
       * frozen at the first try (kept as they are on every later one).
       */
      desk?: { sealed: unknown; kid: string };
    }
  /** The classified answer to try number `attempt`; `problems` are the sealed field problems of a refusal. */
  | {
      type: 'answered';
      attempt: number;
      /** Care Opinion's answer (`SendVerdict`), or the posting desk's. */
      verdict: DeskVerdict;
      now: number;
      problems?: unknown;
      /** A new Idempotency-Key for `desk-key-changed`: the story is sealed again under it. */
      newKey?: string;
    }
  /** Found `sending` by a runner that holds the lock: the page that sent it died before the answer. */
  | { type: 'interrupted'; now: number }
  /** The device's own check refused it before sending (damaged, incomplete, no consent). */
  | { type: 'refused-locally'; reason: SendProblem; now: number }
  /**
   * Carried out in a sealed file for the relay (issue 26): marked, and still sent as before under the
   * same key (the relay answers whichever arrives second as a replay).
   */
  | { type: 'exported'; now: number }
  /**
   * Desk mode, but it cannot go to the desk now (issue 27): the relay has no desk, or this iPad does
   * not know its key yet. It waits (backing off), with the reason; nothing was sent.
   */
  | { type: 'desk-waits'; reason: SendProblem; now: number }
  /**
   * What the posting desk said of it (`GET /desk/stories/status`): posted (with its Care Opinion
   * number), withdrawn there, or unknown (the relay lost it: sent again, the same body and key).
   */
  | {
      type: 'desk-status';
      state: 'posted' | 'withdrawn' | 'unknown';
      storyNumber?: string;
      now: number;
      /** For `withdrawn` when the iPad did not withdraw it: sealed again under this new key. */
      newKey?: string;
    }
  /**
   * The desk answered its `DELETE`: gone (withdrawn by the storyteller, or taken back to be sealed to
   * a new desk key under `newKey`), or posted first by the lead (then `storyNumber` when known).
   */
  | { type: 'desk-deleted'; outcome: 'gone' | 'posted'; newKey?: string; storyNumber?: string; now: number };

export type QueueContext = {
  random: () => number;
  /**
   * The queue's failed answers in a row just before this one, whichever stories they were for (a
   * retry or no answer; a story sent or refused by the server ends the run): the backoff grows with
   * the lesser of this and the story's own failures. Absent: the story's own failures alone.
   */
  failedBefore?: number;
};

/** What the store must make of the event: keep an entry, or settle the story one way or another. */
export type Next =
  | { kind: 'entry'; entry: OutboxEntry }
  /** No entry: the story is an editable draft again (its key dropped). */
  | { kind: 'draft' }
  /** Withdrawn before it could have reached Care Opinion: nothing is kept. */
  | { kind: 'deleted' }
  | { kind: 'sent'; careOpinionId: string; byHand?: true }
  | { kind: 'withdrawn'; careOpinionId?: string; mayHaveArrived: boolean };

export type Applied = { ok: true; next: Next } | { ok: false; reason: SendRefusal };
