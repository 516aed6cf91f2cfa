// What an answer from Care Opinion (or a relay, or the sandbox) means: API.md's answer table as
// pure functions, for the send queue and for reads such as the directory download.
import * as z from 'zod/mini';
import { parseRetryAfter } from './backoff.ts';
import { SEND_PROBLEMS, type SendProblem } from './sendProblem.ts';

/** `Response.type`, declared here so domain needs no DOM types. */
export type ResponseType = 'basic' | 'cors' | 'default' | 'error' | 'opaque' | 'opaqueredirect';
export type Answer =
  | {
      kind: 'response';
      status: number;
      type?: ResponseType;
      contentType?: string;
      retryAfter?: string | null;
      /** The parsed body, when it parsed as JSON. */
      json?: unknown;
      /** A JSON body that could not be read whole: cut off, timed out mid-body, or not parseable. */
      bodyCutOff?: boolean;
    }
  | { kind: 'network-error' }
  | { kind: 'timeout' };

/** A field the server refused, with its own words about it (`''`: it gave none). */
export type FieldError = { field: string; message: string };
export type SendVerdict =
  | { class: 'sent'; id: string }
  | { class: 'retry'; retryAfterMs?: number; reason: SendProblem }
  | { class: 'needs-attention'; errors: FieldError[]; reason: SendProblem }
  | { class: 'key-rejected'; reason: SendProblem };
/** An answer from the posting desk (issue 27) as the queue acts on it: Care Opinion's classes, and two of its own. */
export type DeskVerdict =
  | SendVerdict
  /** The posting desk holds it (`POST /desk/stories` 201, or 200 for a replay). */
  | { class: 'at-desk' }
  /** The desk's key changed before it was stored: nothing was kept under its key; seal it again. */
  | { class: 'desk-key-changed' };
export type ReadVerdict =
  | { class: 'data'; items: unknown[] }
  | { class: 'retry'; retryAfterMs?: number; reason: SendProblem }
  | { class: 'key-rejected'; reason: SendProblem };
type Passing = Extract<SendVerdict, { class: 'retry' | 'key-rejected' }>;

/** Why a send or read waits or was refused: codes, worded by the catalogue's `send.reasons`. */
export const REASONS = Object.fromEntries(SEND_PROBLEMS.map((code) => [code, code])) as {
  readonly [K in SendProblem]: K;
};

const ReceiptSchema = z.looseObject({ id: z.union([z.string().check(z.minLength(1)), z.number()]) });
const ErrorListSchema = z.looseObject({ errors: z.array(z.unknown()) });
const FieldErrorSchema = z.looseObject({ field: z.string(), message: z.optional(z.unknown()) });

const retry = (reason: SendProblem, retryAfterMs?: number): Passing =>
  retryAfterMs === undefined ? { class: 'retry', reason } : { class: 'retry', reason, retryAfterMs };
const keyRejected = (reason: SendProblem = REASONS.keyRejected): Passing => ({
  class: 'key-rejected',
  reason,
});
const isHtml = (contentType: string | undefined) => contentType !== undefined && /html/i.test(contentType);
const isJson = (answer: { contentType?: string; json?: unknown }) =>
  answer.json !== undefined && (answer.contentType === undefined || /json/i.test(answer.contentType));

/**
 * The rows every request shares: network faults, 429 and 5xx retry (with Retry-After when given);
 * a redirect (a browser's `opaqueredirect` at status 0 too), 401, 403 or HTML means the key was
 * not accepted. A 5xx or 429 with an HTML error page is still a passing fault: only the other
 * statuses read HTML as the login page. 404/405 mean the address is wrong: Settings, like a key.
 */
function classifyCommon(answer: Answer, now: number | undefined): Passing | undefined {
  if (answer.kind === 'network-error') return retry(REASONS.unreachable);
  if (answer.kind === 'timeout') return retry(REASONS.timeout);
  const { status } = answer;
  const retryAfterMs = parseRetryAfter(answer.retryAfter, now);
  if (answer.type === 'opaqueredirect') return keyRejected();
  const relay = relayRefusal(answer);
  if (relay !== undefined) return keyRejected(relay);
  if (status === 429) return retry(REASONS.busy, retryAfterMs);
  if (status >= 500 && status <= 599) {
    return retry(status === 503 ? REASONS.busy : REASONS.serverProblem, retryAfterMs);
  }
  if (status === 401 || status === 403 || (status >= 300 && status <= 399) || isHtml(answer.contentType)) {
    return keyRejected();
  }
  if (status === 404 || status === 405) return keyRejected(REASONS.addressRejected);
  if (status === 408) return retry(REASONS.timeout, retryAfterMs);
  if (!(status >= 200 && status <= 599)) return retry(REASONS.unreachable); // status 0: no real answer
  return undefined;
}

/**
 * An answer to `POST /opinions`, as the send queue acts on it. `now` (ms since 1970) is needed
 * to read a Retry-After given as a date; without it only delay-seconds are read.
 */
export function classifyAnswer(answer: Answer, now?: number): SendVerdict {
  if (
    answer.kind === 'response' &&
    answer.status >= 200 &&
    answer.status <= 299 &&
    answer.type !== 'opaqueredirect'
  ) {
    return classifySuccess(answer);
  }
  const common = classifyCommon(answer, now);
  if (common !== undefined || answer.kind !== 'response') return common ?? retry(REASONS.unreachable);
  const { status } = answer;
  if (status === 409) return retry(REASONS.inProgress);
  if (status === 422) {
    const errors = fieldErrorsOf(answer.json);
    return { class: 'needs-attention', errors, reason: errors.length > 0 ? REASONS.fields : REASONS.refused };
  }
  const reason = status === 413 ? REASONS.tooLarge : status === 400 ? REASONS.cannotRead : REASONS.refused;
  return { class: 'needs-attention', errors: fieldErrorsOf(answer.json), reason };
}

/**
 * A 2xx is "probably stored" unless it carries the story's id: a body cut off, timed out mid-way,
 * unparseable, without an id, or an HTML page (a wifi sign-in page or a proxy: a refused key is a
 * redirect, never a 2xx) is tried again with the same Idempotency-Key — the server answers a stored
 * key with its id, so nothing is duplicated. Never "key not accepted", never a refusal.
 */
function classifySuccess(answer: Extract<Answer, { kind: 'response' }>): SendVerdict {
  if (isHtml(answer.contentType)) return retry(REASONS.notCareOpinion);
  const receipt = answer.bodyCutOff || !isJson(answer) ? null : ReceiptSchema.safeParse(answer.json);
  return receipt?.success ? { class: 'sent', id: String(receipt.data.id) } : retry(REASONS.incomplete);
}

/**
 * An answer to a list read (`GET /healthservices` pages): a JSON array is data, items unparsed
 * for the caller's schema. Any other 4xx is retried like a passing fault: the caller gives up
 * after a few tries and keeps what it has.
 */
export function classifyReadAnswer(answer: Answer, now?: number): ReadVerdict {
  const common = classifyCommon(answer, now);
  if (common !== undefined || answer.kind !== 'response') return common ?? retry(REASONS.unreachable);
  if (answer.status >= 200 && answer.status <= 299) {
    if (!isJson(answer)) return keyRejected();
    return Array.isArray(answer.json) ? { class: 'data', items: answer.json } : retry(REASONS.notAList);
  }
  return retry(REASONS.readRefused);
}

const RelayErrorSchema = z.looseObject({ error: z.string() });

/**
 * The organisation's relay (relay/README.md) says why it refuses, in JSON: this iPad's token was
 * revoked or is unknown (401; reconnect with a new code), or Care Opinion refused the relay's own key
 * (502; nothing to fix on the iPad). Both hold the whole queue, like a refused key.
 */
function relayRefusal(answer: Extract<Answer, { kind: 'response' }>): SendProblem | undefined {
  const parsed = RelayErrorSchema.safeParse(answer.json);
  if (!parsed.success) return undefined;
  const { error } = parsed.data;
  if (answer.status === 401 && (error === 'device-revoked' || error === 'device-unknown'))
    return REASONS.deviceRevoked;
  if (answer.status === 502 && error === 'upstream-key-refused') return REASONS.relayKeyRefused;
  return undefined;
}

/** `{ errors: [{ field, message }] }` leniently: malformed entries are skipped, never fatal. */
export function fieldErrorsOf(json: unknown): FieldError[] {
  const list = ErrorListSchema.safeParse(json);
  if (!list.success) return [];
  return list.data.errors.flatMap((raw) => {
    const parsed = FieldErrorSchema.safeParse(raw);
    if (!parsed.success || parsed.data.field.trim() === '') return [];
    const { message } = parsed.data;
    const words = typeof message === 'string' && message.trim() !== '' ? message.trim() : '';
    return [{ field: parsed.data.field.trim(), message: words }];
  });
}

// The posting desk (issue 27, relay/README.md "The posting desk"): its answers beside Care Opinion's,
// the shared rows (network, 429, 5xx, a revoked iPad) read the same way.

const DeskErrorSchema = z.looseObject({ error: z.string() });
const deskError = (json: unknown) => {
  const parsed = DeskErrorSchema.safeParse(json);
  return parsed.success ? parsed.data.error : undefined;
};
const DeskIdSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });

/**
 * An answer to `POST /desk/stories`: 201 or 200 with its id → at the desk; 422 desk-key-changed →
 * seal again; 404 no-desk → waits (the relay has no desk now); any other 422 (another body under the
 * key) or 413 → needs attention; the rest as any request.
 */
export function classifyDeskAnswer(answer: Answer, now?: number): DeskVerdict {
  if (answer.kind === 'response' && answer.type !== 'opaqueredirect') {
    const error = deskError(answer.json);
    if (answer.status === 200 || answer.status === 201) {
      if (isHtml(answer.contentType)) return retry(REASONS.notCareOpinion);
      const stored = answer.bodyCutOff ? null : DeskIdSchema.safeParse(answer.json);
      return stored?.success ? { class: 'at-desk' } : retry(REASONS.incomplete);
    }
    if (answer.status === 422 && error === 'desk-key-changed') return { class: 'desk-key-changed' };
    if (answer.status === 404 && error === 'no-desk') return retry(REASONS.noDesk);
    if (answer.status === 422) return { class: 'needs-attention', errors: [], reason: REASONS.deskRefused };
    if (answer.status === 413) return { class: 'needs-attention', errors: [], reason: REASONS.deskTooLarge };
  }
  const common = classifyCommon(answer, now);
  if (common !== undefined || answer.kind !== 'response') return common ?? retry(REASONS.unreachable);
  if (answer.status >= 200 && answer.status <= 299) return retry(REASONS.incomplete);
  return { class: 'needs-attention', errors: [], reason: REASONS.deskRefused };
}

/** What the desk says of a story (`GET /desk/stories/status`). */
export type DeskState =
  | { key: string; state: 'waiting' | 'withdrawn' | 'unknown' }
  | { key: string; state: 'posted'; storyNumber: string };
const DeskStatusSchema = z.array(
  z.looseObject({
    key: z.string(),
    state: z.enum(['waiting', 'posted', 'withdrawn', 'unknown']),
    storyNumber: z.optional(z.string()),
  }),
);

/**
 * An answer to `GET /desk/stories/status?keys=…`: each story's state, or null (no answer, refused,
 * not the list: asked again next pass). A posted story without its number is read as still waiting.
 */
export function readDeskStatus(answer: Answer): DeskState[] | null {
  if (answer.kind !== 'response' || answer.status !== 200 || !isJson(answer)) return null;
  const parsed = DeskStatusSchema.safeParse(answer.json);
  if (!parsed.success) return null;
  return parsed.data.map(({ key, state, storyNumber }) =>
    state === 'posted'
      ? storyNumber
        ? { key, state, storyNumber }
        : { key, state: 'waiting' as const }
      : { key, state },
  );
}

/**
 * An answer to `DELETE /desk/stories/:key`: gone (204, or 404 unknown-story: the desk never kept it
 * or lost it), posted (409 already-posted: the lead posted it first), or not settled (asked again).
 */
export type DeskDeleted = 'gone' | 'posted' | 'again';
export function classifyDeskDelete(answer: Answer): DeskDeleted {
  if (answer.kind !== 'response') return 'again';
  const error = deskError(answer.json);
  if (answer.status === 204) return 'gone';
  if (answer.status === 404 && error === 'unknown-story') return 'gone';
  if (answer.status === 409 && error === 'already-posted') return 'posted';
  return 'again';
}
