// POST /admin/api/imports (issue 26): a sealed file of an iPad's unsent stories, carried out by hand,
// opened with the relay's export key and sent story by story through the same path as a device's
// own post (opinions.ts `sendStory`): each under its own Idempotency-Key and the device it came
// from, so a story imported twice, or sent later by the iPad itself, is a replay — never a second
// story upstream. The answer gives each story's outcome by its number in the file, never content.
import type { Context } from 'hono';
import { webCrypto } from '../exportKey.ts';
import type { RelayEnv } from '../http.ts';
import { IDEMPOTENCY_KEY, type SendOutcome, STORY_BODY_LIMIT, sendStory } from '../opinions.ts';
import type { RelayServices } from '../services.ts';
import { type OpenProblem, openStories, type SealedContents, storyBodyIsValid } from '../shared.ts';

/** Stories of one file in flight at once: enough to keep the shared rate busy, few enough to queue briefly. */
export const IMPORT_CONCURRENCY = 4;
/**
 * A story Care Opinion was too busy for (429, or 503 / no answer) is tried again, after its
 * Retry-After (at most MAX_RETRY_WAIT_S), up to this many times in all, before it is reported
 * as not sent yet: an iPad would retry it by itself; a file should not need importing again for one.
 */
export const IMPORT_TRIES = 3;
const MAX_RETRY_WAIT_S = 10;

/** Why one story was not sent — codes the admin page words. The `upstream-*` ones pass on a later import. */
export const REFUSED_REASONS = [
  'idempotency-key-invalid',
  'story-invalid',
  'story-too-large',
  'key-reused',
  'in-flight',
  'device-revoked',
  'upstream-key-refused',
  'upstream-busy',
  'upstream-unavailable',
  'upstream-refused',
] as const;
export type RefusedReason = (typeof REFUSED_REASONS)[number];

export type StoryOutcome =
  | { number: number; outcome: 'sent' | 'already-there' }
  | { number: number; outcome: 'refused'; reason: RefusedReason; status?: number };

/** A file that is not a sealed file at all is a bad request; one that is but will not open, unprocessable. */
const PROBLEM_STATUS: Record<OpenProblem, 400 | 422> = {
  'not-a-sealed-file': 400,
  'another-relay': 422,
  'does-not-open': 422,
  'contents-invalid': 422,
};

/** What the lead confirms, by the device's state: `?confirm=revoked-device` or `unknown-device`. */
const CONFIRMATION = { revoked: 'revoked-device', unknown: 'unknown-device' } as const;

function outcomeOf(number: number, sent: SendOutcome): StoryOutcome {
  if (sent.kind === 'replay') return { number, outcome: 'already-there' };
  if (sent.kind === 'in-flight') return { number, outcome: 'refused', reason: 'in-flight' };
  if (sent.kind === 'mismatch') return { number, outcome: 'refused', reason: 'key-reused' };
  if (sent.kind === 'device-revoked') return { number, outcome: 'refused', reason: 'device-revoked' };
  const { answer } = sent;
  if (answer.kind === 'json' && answer.status === 201) return { number, outcome: 'sent' };
  if (answer.kind === 'json' && answer.status === 200) return { number, outcome: 'already-there' };
  if (answer.kind === 'refused') return { number, outcome: 'refused', reason: 'upstream-key-refused' };
  if (answer.kind === 'busy') {
    const reason = answer.status === 429 ? 'upstream-busy' : 'upstream-unavailable';
    return { number, outcome: 'refused', reason };
  }
  return { number, outcome: 'refused', reason: 'upstream-refused', status: answer.status };
}

type Story = SealedContents['stories'][number];

async function importStory(
  services: RelayServices,
  deviceId: string,
  story: Story,
  number: number,
  evenIfRevoked: boolean,
): Promise<StoryOutcome> {
  const refused = (reason: RefusedReason): StoryOutcome => ({ number, outcome: 'refused', reason });
  if (!IDEMPOTENCY_KEY.test(story.idempotencyKey)) return refused('idempotency-key-invalid');
  if (!storyBodyIsValid(story.body)) return refused('story-invalid');
  const text = JSON.stringify(story.body);
  if (Buffer.byteLength(text) > STORY_BODY_LIMIT) return refused('story-too-large');
  const key = story.idempotencyKey;
  for (let tries = 1; ; tries++) {
    const sent = await sendStory(services, { key, deviceId, body: story.body, text }, { evenIfRevoked });
    const busy = sent.kind === 'answered' && sent.answer.kind === 'busy' ? sent.answer : null;
    if (!busy || tries >= IMPORT_TRIES) return outcomeOf(number, sent);
    await services.sleep(Math.min(Math.max(busy.retryAfter, 1), MAX_RETRY_WAIT_S) * 1000);
  }
}

/** Runs `work` over the items, at most `limit` at once, the results in the items' order. */
async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function importSealedFile(services: RelayServices) {
  const { log, devices } = services;
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const address = c.get('address');
    if (!(c.req.header('content-type') ?? '').startsWith('application/octet-stream'))
      return c.json({ error: 'send-octet-stream' }, 415);
    const key = services.exportKey.current;
    if (!key) return c.json({ error: 'export-key-unavailable' }, 503);
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const opened = await openStories(webCrypto, key, bytes);
    if (!opened.ok) {
      log.warn(
        { event: 'sealed-file-refused', address, problem: opened.problem, bytes: bytes.length },
        'audit: a sealed file was refused',
      );
      return c.json({ error: opened.problem }, PROBLEM_STATUS[opened.problem]);
    }
    const { deviceId, createdAt, stories } = opened.contents;
    const state = await devices.state(deviceId);
    const confirm = c.req.query('confirm');
    if (state !== 'enrolled' && confirm !== CONFIRMATION[state]) {
      log.info(
        {
          event: 'sealed-file-needs-confirmation',
          address,
          deviceId,
          device: state,
          stories: stories.length,
        },
        'audit: a sealed file from a device that is not enrolled waits for the lead to confirm',
      );
      return c.json(
        { error: `device-${state}`, confirm: CONFIRMATION[state], deviceId, stories: stories.length },
        409,
      );
    }
    const evenIfRevoked = state !== 'enrolled';
    // A key that comes again later in the file waits for its first: the first story with it decides.
    const seen = new Set<string>();
    const numbered = stories.map((story, i) => ({ story, number: i + 1 }));
    const [first, repeats] = [[], []] as [typeof numbered, typeof numbered];
    for (const item of numbered) {
      (seen.has(item.story.idempotencyKey) ? repeats : first).push(item);
      seen.add(item.story.idempotencyKey);
    }
    const send = ({ story, number }: (typeof numbered)[number]) =>
      importStory(services, deviceId, story, number, evenIfRevoked);
    const outcomes = [
      ...(await inPool(first, IMPORT_CONCURRENCY, send)),
      ...(await inPool(repeats, IMPORT_CONCURRENCY, send)),
    ].sort((a, b) => a.number - b.number);
    const counted = (outcome: StoryOutcome['outcome']) =>
      outcomes.filter((o) => o.outcome === outcome).length;
    const totals = {
      sent: counted('sent'),
      alreadyThere: counted('already-there'),
      refused: counted('refused'),
    };
    log.info(
      { event: 'sealed-file-imported', address, deviceId, device: state, stories: stories.length, ...totals },
      'audit: a sealed file was imported',
    );
    return c.json({ deviceId, sealedAt: createdAt, stories: stories.length, ...totals, outcomes });
  };
}
