// A story on its way to the posting desk (issue 27): sealed on the iPad to the desk's public key,
// opened only in the lead's browser. The envelope is the sealed file's (`fleet/sealedFile.ts`
// `sealJson`: an ephemeral ECDH P-256 key → HKDF-SHA-256 → AES-256-GCM, the header as additional
// data) under its own format, so a desk story never opens as a file of unsent stories or back. What
// travels is base64url text (`POST /api/v2/desk/stories` `{ kid, sealed }`); inside: the story's
// Idempotency-Key and exactly the body the queue would send to `/opinions`.
import * as z from 'zod/mini';
import {
  type ExportKey,
  ExportKeySchema,
  fromB64url,
  openJson,
  sealJson,
  toB64url,
} from '../fleet/sealedFile.ts';
import { type QueuedStory, QueuedStorySchema } from '../story/submission.ts';

export const DESK_STORY_FORMAT = 'story-collector-desk-story/1';
/** The relay takes a desk story's request body up to this size (`{ kid, sealed }` as JSON). */
export const DESK_BODY_MAX_BYTES = 1024 * 1024;

/** The desk's public key as the relay gives it (`GET /api/v2/desk/key`): the export key's shape. */
export const DeskKeySchema = ExportKeySchema;
export type DeskKey = ExportKey;

/**
 * What a sealed desk story holds: its key, the body, and each service's place as the iPad's
 * directory words it (by the services' order; null where unknown) — the desk shows a service with its
 * place as the iPad's hand-off screen does, and the relay must not be asked to look one up.
 */
export type DeskStory = { idempotencyKey: string; body: QueuedStory; places?: (string | null)[] };
const DeskStorySchema = z.strictObject({
  idempotencyKey: z.string().check(z.minLength(1), z.maxLength(200)),
  body: QueuedStorySchema,
  places: z.optional(z.array(z.nullable(z.string().check(z.maxLength(500)))).check(z.maxLength(100))),
});

/** Why a desk story did not open: a code, worded by the desk page; never a word of the story. */
export type DeskStoryProblem = 'not-a-desk-story' | 'another-desk' | 'does-not-open' | 'contents-invalid';

type WebCrypto = typeof globalThis.crypto;
type Key = Awaited<ReturnType<WebCrypto['subtle']['importKey']>>;

/** Seals one story to the desk's key: the `sealed` text of the request body (base64url). */
export async function sealDeskStory(crypto: WebCrypto, to: DeskKey, story: DeskStory): Promise<string> {
  return toB64url(await sealJson(crypto, to, DESK_STORY_FORMAT, story));
}

/** The request body's size once sealed, to check against `DESK_BODY_MAX_BYTES` before sending. */
export const deskBodyBytes = (kid: string, sealed: string) =>
  new TextEncoder().encode(JSON.stringify({ kid, sealed })).length;

/** Opens a desk story with the desk's private key (`kid` its id), in the lead's browser. */
export async function openDeskStory(
  crypto: WebCrypto,
  key: { kid: string; privateKey: Key },
  sealed: string,
): Promise<{ ok: true; story: DeskStory } | { ok: false; problem: DeskStoryProblem }> {
  if (!/^[A-Za-z0-9_-]+$/.test(sealed)) return { ok: false, problem: 'not-a-desk-story' };
  const opened = await openJson(crypto, key, DESK_STORY_FORMAT, fromB64url(sealed));
  if (!opened.ok) {
    const problem = (
      {
        'not-sealed': 'not-a-desk-story',
        'another-key': 'another-desk',
        'does-not-open': 'does-not-open',
        'not-json': 'contents-invalid',
      } as const
    )[opened.problem];
    return { ok: false, problem };
  }
  const story = DeskStorySchema.safeParse(opened.value);
  return story.success ? { ok: true, story: story.data } : { ok: false, problem: 'contents-invalid' };
}
