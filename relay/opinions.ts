// POST /api/v2/opinions for an enrolled device: the submission contract (README.md). Validate with
// the app's own schema, claim the Idempotency-Key, forward with the organisation's key and the
// same Idempotency-Key within the shared rate, keep the answer (never the story) and reply.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { bodyHash } from './bodyHash.ts';
import type { Deliveries } from './deliveries.ts';
import type { Devices } from './devices.ts';
import { type RelayEnv, readJson } from './http.ts';
import { type Idempotency, RENEW_EVERY_MS } from './idempotency.ts';
import type { Metrics } from './metrics.ts';
import { QueuedStorySchema } from './shared.ts';
import type { Timing, Upstream, UpstreamAnswer } from './upstream.ts';

/** A story's body at most (the submission contract's 1 MiB), posted or imported. */
export const STORY_BODY_LIMIT = 1024 * 1024;

/** An Idempotency-Key: a UUID (API.md), for a device's post and an imported story alike. */
export const IDEMPOTENCY_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Issue = { path: PropertyKey[]; message: string; code: string; keys?: string[] };

/** Dotted field paths (`author.postcode`) and the schema's message; never the value sent. */
export function fieldErrors(issues: readonly Issue[]): { field: string; message: string }[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({ field: [...base, key].join('.'), message: 'Unknown field' }));
    }
    return [{ field: base.join('.') || '(body)', message: issue.message }];
  });
}

export type OpinionsDeps = {
  devices: Pick<Devices, 'revoked'>;
  idempotency: Idempotency;
  deliveries: Deliveries;
  upstream: Upstream;
  log: Logger;
  metrics?: Pick<Metrics, 'stories'>;
};

function outcomeOf(answer: UpstreamAnswer): string {
  if (storedBody(answer)) return 'forwarded';
  if (answer.kind === 'refused') return 'upstream-refused-key';
  if (answer.kind === 'busy') return 'upstream-unavailable';
  return 'refused-upstream';
}

function careOpinionId(body: unknown): string | null {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/** Server-Timing (no personal data): where the time went, so overhead can be told from waiting. */
function serverTiming(c: Context<RelayEnv>, started: number, timing: Timing): void {
  const total = Math.round(performance.now() - started);
  c.header(
    'Server-Timing',
    `queue;dur=${timing.queueMs}, upstream;dur=${timing.upstreamMs}, relay;dur=${total}`,
  );
}

function reply(c: Context<RelayEnv>, answer: UpstreamAnswer): Response {
  if (answer.kind === 'json') return c.json(answer.body as object, answer.status as ContentfulStatusCode);
  if (answer.kind === 'refused') return c.json({ error: 'upstream-key-refused' }, 502);
  const error = answer.status === 429 ? 'upstream-busy' : 'upstream-unavailable';
  return c.json({ error }, answer.status, { 'Retry-After': String(answer.retryAfter) });
}

const relayStatus = (answer: UpstreamAnswer) => (answer.kind === 'refused' ? 502 : answer.status);
/** The answer's body when upstream stored the story (201, or 200 for a key it already had). */
const storedBody = (answer: UpstreamAnswer): { body: unknown } | null =>
  answer.kind === 'json' && (answer.status === 200 || answer.status === 201) ? answer : null;

type Claimed = { key: string; owner: string; deviceId: string; text: string };

/** The device was revoked while its story waited for the shared rate: nothing was sent. */
class DeviceRevoked extends Error {
  override name = 'DeviceRevoked';
}

/**
 * Forwards the exact body, then keeps a stored answer (or frees the key) and logs the delivery.
 * `evenIfRevoked`: a story the lead chose to import from a revoked device's sealed file.
 */
async function forward(
  deps: OpinionsDeps,
  story: Claimed,
  evenIfRevoked: boolean,
): Promise<UpstreamAnswer & Timing> {
  let answer: UpstreamAnswer & Timing;
  const renew = () => deps.idempotency.renew(story.key, story.owner).catch(() => {}); // next renewal retries
  const heartbeat = setInterval(renew, RENEW_EVERY_MS);
  try {
    answer = await deps.upstream.request('/opinions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': story.key },
      body: story.text,
      // Revoked while it waited for its turn: not sent (the token was checked before the wait).
      beforeSend: async () => {
        if (!evenIfRevoked && (await deps.devices.revoked(story.deviceId))) throw new DeviceRevoked();
      },
    });
  } catch (error) {
    await deps.idempotency.release(story.key, story.owner);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
  const stored = storedBody(answer);
  await Promise.all([
    stored
      ? deps.idempotency.complete(story.key, story.owner, answer.status, stored.body)
      : deps.idempotency.release(story.key, story.owner),
    deps.deliveries.record(
      story.deviceId,
      story.key,
      relayStatus(answer),
      stored ? careOpinionId(stored.body) : null,
    ),
  ]);
  if (answer.kind === 'refused') {
    deps.log.error(
      {
        event: 'upstream-key-refused',
        during: 'story',
        upstreamStatus: answer.status,
        deviceId: story.deviceId,
      },
      'Care Opinion did not accept the key (CARE_OPINION_KEY)',
    );
  }
  return answer;
}

/** A revoked device's story, left unsent and its key freed by forward(): undefined; else the error. */
function notSent(error: unknown): undefined {
  if (error instanceof DeviceRevoked) return undefined;
  throw error;
}

/** What became of one story sent through the relay's one path (`sendStory`). */
export type SendOutcome =
  | { kind: 'replay'; answer: unknown }
  | { kind: 'in-flight' }
  | { kind: 'mismatch' }
  | { kind: 'device-revoked' }
  | { kind: 'answered'; answer: UpstreamAnswer & Timing };

/** A checked story: its key, the device it is sent for, its body and the exact text forwarded. */
export type StoryToSend = { key: string; deviceId: string; body: unknown; text: string };

/**
 * The one path every story takes, posted by an iPad or imported from a sealed file: claim its
 * Idempotency-Key (a key already answered is a replay, never a second story upstream), forward it
 * at the shared rate with the same key, keep the answer and record the delivery.
 */
export async function sendStory(
  deps: OpinionsDeps,
  story: StoryToSend,
  options: { evenIfRevoked?: boolean } = {},
): Promise<SendOutcome> {
  const { key, deviceId, text } = story;
  const claim = await deps.idempotency.claim(key, deviceId, bodyHash(story.body));
  if (claim.kind !== 'claimed') return claim;
  const forwarded = { key, owner: claim.owner, deviceId, text };
  const answer = await forward(deps, forwarded, options.evenIfRevoked ?? false).catch(notSent);
  return answer ? { kind: 'answered', answer } : { kind: 'device-revoked' };
}

const COUNTED: Record<Exclude<SendOutcome['kind'], 'answered'>, string> = {
  replay: 'replayed',
  'in-flight': 'in-flight',
  mismatch: 'refused',
  'device-revoked': 'device-revoked',
};

export function postOpinion(deps: OpinionsDeps) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const started = performance.now();
    const deviceId = c.get('deviceId');
    const count = (outcome: string) => deps.metrics?.stories.inc({ outcome });
    const key = c.req.header('idempotency-key');
    if (!key || !IDEMPOTENCY_KEY.test(key)) {
      count('refused');
      return c.json({ error: 'An Idempotency-Key header holding a UUID is required' }, 400);
    }
    const read = await readJson(c, 'story');
    if (!read.ok) count('refused');
    if (!read.ok) return read.answer;
    const { text, value } = read;
    const checked = QueuedStorySchema.safeParse(value);
    if (!checked.success) count('refused');
    if (!checked.success) return c.json({ errors: fieldErrors(checked.error.issues as Issue[]) }, 422);

    const sent = await sendStory(deps, { key, deviceId, body: value, text });
    count(sent.kind === 'answered' ? outcomeOf(sent.answer) : COUNTED[sent.kind]);
    if (sent.kind === 'replay') return c.json(sent.answer as object, 200);
    if (sent.kind === 'in-flight')
      return c.json({ error: 'A request with this Idempotency-Key is still being processed' }, 409);
    if (sent.kind === 'mismatch') {
      const message = 'This Idempotency-Key was reused with a different body';
      return c.json({ errors: [{ field: 'Idempotency-Key', message }] }, 422);
    }
    if (sent.kind === 'device-revoked') {
      deps.log.info(
        { event: 'story-not-sent', reason: 'device-revoked', deviceId },
        'audit: a story not sent',
      );
      return c.json({ error: 'device-revoked' }, 401);
    }
    serverTiming(c, started, sent.answer);
    return reply(c, sent.answer);
  };
}
