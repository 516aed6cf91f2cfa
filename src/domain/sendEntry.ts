// What the send queue keeps per queued story (frozen payload, fixed Idempotency-Key) and what is
// kept after a story has left the device (a receipt with no personal data but its title).
import * as z from 'zod/mini';

export const OutboxStateSchema = z.enum(['queued', 'sending', 'needs-attention']);
export type OutboxState = z.infer<typeof OutboxStateSchema>;

export const FieldProblemSchema = z.object({ field: z.string(), message: z.string() });
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

export const OutboxEntrySchema = z.object({
  id: z.string(),
  state: OutboxStateSchema,
  /** Fixed when queued; the same on every retry until an answer settles the story. */
  idempotencyKey: z.string(),
  /** The POST /opinions body, frozen when queued. */
  payload: z.unknown(),
  attempts: z._default(z.number(), 0),
  /** When a request was first sent: from then on the story may already be at Care Opinion. */
  firstAttemptAt: z.optional(z.number()),
  nextAttemptAt: z._default(z.number(), 0),
  /** Passing failures in a row: the backoff exponent. "Send now" resets it. */
  failures: z._default(z.number(), 0),
  /** The server's Retry-After: no try before this, whatever the trigger. */
  notBefore: z._default(z.number(), 0),
  lastProblem: z.optional(z.string()),
  fieldProblems: z.optional(z.array(FieldProblemSchema)),
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
});
export type Receipt = z.infer<typeof ReceiptSchema>;
