// The one record of a story's send state (its outbox entry) and what is kept after a story has left
// the device (a receipt with no personal data but its title). A story with no entry is a draft.
import * as z from 'zod/mini';
import { SendProblemSchema } from './sendProblem.ts';

/** The states a story shows (Home, the story screen); `sent` lives in receipts, `draft` has no entry. */
export const QueueStateSchema = z.enum([
  'draft',
  'queued',
  'ready-to-post',
  'sending',
  'at-desk',
  'sent',
  'needs-attention',
]);
export type QueueState = z.infer<typeof QueueStateSchema>;

/**
 * The states an outbox entry can be in. `ready-to-post`: frozen, sealed and consented like a queued
 * story, but for a person to post on Care Opinion's website (hand-off): the runner never sends it.
 * `at-desk` (issue 27): the relay's posting desk holds it sealed for the organisation's lead to post;
 * the iPad keeps it (and its personal data) until the relay says it was posted.
 */
export const OutboxStateSchema = z.enum(['queued', 'ready-to-post', 'sending', 'at-desk', 'needs-attention']);
export type OutboxState = z.infer<typeof OutboxStateSchema>;

/** A refused field and the server's own words about it (`''`: none given). */
export const FieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const OutboxEntrySchema = z.object({
  id: z.string(),
  state: OutboxStateSchema,
  /** Bumped by every write: a writer checks it against the version it read. */
  version: z._default(z.number(), 0),
  /** Fixed when queued; the same on every retry until an answer settles the story. */
  idempotencyKey: z.string(),
  /** The POST /opinions body, frozen (and sealed) when queued. */
  payload: z.unknown(),
  attempts: z._default(z.number(), 0),
  /** When a request was first sent: from then on the story may already be at Care Opinion. */
  firstAttemptAt: z.optional(z.number()),
  /** When the latest request went out: while it may still be in flight, no other is sent. */
  attemptStartedAt: z.optional(z.number()),
  /** Where the first request went (sealed, opaque here): every retry goes there, whatever Settings say later. */
  destination: z.optional(z.unknown()),
  nextAttemptAt: z._default(z.number(), 0),
  /** Passing failures in a row: the backoff exponent. "Send now" resets it. */
  failures: z._default(z.number(), 0),
  /** The server's Retry-After: no try before this, whatever the trigger. */
  notBefore: z._default(z.number(), 0),
  /** Why it waits or was refused: a code (older words are migrated, DB_V7_REASON_CODES). */
  lastProblem: z.optional(SendProblemSchema),
  /** What the server refused, field by field (sealed, opaque here: it may quote the story). */
  fieldProblems: z.optional(z.unknown()),
  /** Withdrawn while its request was in flight: the answer decides what the receipt says. */
  withdrawnAt: z.optional(z.number()),
  /**
   * Carried out in a sealed file for the relay (issue 26): it may reach Care Opinion that way, under
   * this same key, so from then on the key and payload are fixed as after a first attempt. Sending
   * goes on as before: the relay answers a second arrival as a replay.
   */
  exportedAt: z.optional(z.number()),
  /**
   * Sent to the posting desk (issue 27): the request body `{ kid, sealed }` frozen at the first try
   * (sealed with the vault, opaque here) so every retry under this key is byte for byte the same.
   * From then on the story stays with the desk.
   */
  desk: z.optional(z.unknown()),
  /** The desk key's id that `desk` was sealed to (public): a new desk key means sealing again. */
  deskKid: z.optional(z.string()),
  queuedAt: z._default(z.number(), 0),
});
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;

export const ReceiptSchema = z.object({
  id: z.string(),
  kind: z.enum(['sent', 'withdrawn']),
  at: z.number(),
  /** Care Opinion's id for the story, once it confirmed it. */
  careOpinionId: z.optional(z.string()),
  title: z._default(z.string(), ''),
  services: z._default(z.array(z.string()), []),
  postedOnBehalf: z._default(z.boolean(), false),
  collectedAt: z.optional(z.string()),
  /** Withdrawn after a request was sent: it may have arrived at Care Opinion. */
  mayHaveArrived: z._default(z.boolean(), false),
  /** Posted on Care Opinion's website by a person, who gave its story number. */
  byHand: z._default(z.boolean(), false),
});
export type Receipt = z.infer<typeof ReceiptSchema>;
