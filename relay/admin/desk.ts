// The posting desk's admin routes (issue 27), for the lead: the desk key (public JWK and the private
// key wrapped with the lead's passphrase in the browser — stored as given, never opened), the
// waiting stories (ciphertext only the lead's browser can open), and "I have posted it", checked
// with the app's own story-address rule, after which the ciphertext is deleted and a receipt kept.
// Audit lines carry ids and the story number, never `sealed`, `wrapped` or the address typed.
import { webcrypto } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import type { DeskKey } from '../desk.ts';
import type { RelayEnv } from '../http.ts';
import { fieldErrors } from '../opinions.ts';
import type { RelayServices } from '../services.ts';
import { ExportKeySchema, parseStoryAddress } from '../shared.ts';

type Issue = Parameters<typeof fieldErrors>[0][number];

/** The wrapped private key at most, as JSON text: a wrapped P-256 key and its KDF settings need under 1 KiB. */
export const WRAPPED_MAX_CHARS = 3 * 1024;
/** Who posts: the admin API has one shared token and no named accounts (README.md, "Admin"). */
export const POSTED_BY = 'admin-token';

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url');
const DeskKeySchema = z.strictObject({
  kid: ExportKeySchema.shape.kid,
  jwk: z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url, y: b64url }),
  wrapped: z
    .union([b64url, z.record(z.string(), z.unknown())])
    .refine((w) => JSON.stringify(w).length <= WRAPPED_MAX_CHARS, `At most ${WRAPPED_MAX_CHARS} characters`),
});
const PostedSchema = z.strictObject({ storyAddress: z.string().max(2000) });

/** Whether x, y are a point on P-256 (Web Crypto refuses anything else). */
async function isPublicKey(jwk: { x: string; y: string }): Promise<boolean> {
  const key = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const ecdh = { name: 'ECDH', namedCurve: 'P-256' };
  return webcrypto.subtle.importKey('jwk', key, ecdh, false, []).then(
    () => true,
    () => false,
  );
}

export function deskAdmin(services: Pick<RelayServices, 'desk' | 'log' | 'config'>) {
  const { desk, log, config } = services;
  return {
    /** 201 stored; 409 `desk-key-exists` unless `?replace=confirmed` (then 200, or 201 when none was there). */
    async setKey(c: Context<RelayEnv>): Promise<Response> {
      const parsed = DeskKeySchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json({ errors: fieldErrors(parsed.error.issues as Issue[]) }, 422);
      const { kid, jwk, wrapped } = parsed.data;
      if ('d' in jwk) return c.json({ error: 'private-key' }, 422);
      if (!(await isPublicKey(jwk))) return c.json({ error: 'jwk-invalid' }, 422);
      const given: DeskKey = { kid, jwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, wrapped };
      const replace = c.req.query('replace') === 'confirmed';
      const had = replace && (await desk.key()) !== null;
      const set = await desk.setKey(given, replace);
      const address = c.get('address');
      if (!set.ok) {
        log.info(
          { event: 'desk-key-exists', address, kid },
          'audit: a desk key was offered while one exists',
        );
        return c.json({ error: set.error, confirm: 'confirmed' }, 409);
      }
      log.info(
        {
          event: 'desk-key-set',
          address,
          kid,
          replacedKid: set.replacedKid,
          waitingOnOldKey: set.waitingOnOldKey,
        },
        'audit: the posting desk key was set',
      );
      return c.json(
        { kid, replacedKid: set.replacedKid, waitingOnOldKey: set.waitingOnOldKey },
        had ? 200 : 201,
      );
    },

    /** `{ kid, jwk, wrapped }` as stored and the relay's region (the desk's "Open Care Opinion"); 404 `no-desk`. */
    async getKey(c: Context<RelayEnv>): Promise<Response> {
      const key = await desk.key();
      return key ? c.json({ ...key, region: config.region ?? 'uk' }) : c.json({ error: 'no-desk' }, 404);
    },

    async waiting(c: Context<RelayEnv>): Promise<Response> {
      return c.json(await desk.waiting());
    },

    /** 200 the receipt; 422 `story-address-refused` with the app's `problem`; 404 / 409 not waiting. */
    async posted(c: Context<RelayEnv>): Promise<Response> {
      const parsed = PostedSchema.safeParse(await c.req.json().catch(() => undefined));
      if (!parsed.success) return c.json({ errors: fieldErrors(parsed.error.issues as Issue[]) }, 422);
      const checked = parseStoryAddress(parsed.data.storyAddress);
      if (!checked.ok) return c.json({ error: 'story-address-refused', problem: checked.problem }, 422);
      const address = c.get('address');
      const id = c.req.param('id') ?? '';
      const done = await desk.post(id, checked.storyNumber, { postedBy: POSTED_BY, postedFrom: address });
      if (!done.ok) return c.json({ error: done.error }, done.error === 'unknown-story' ? 404 : 409);
      const { deviceId, storyNumber } = done.receipt;
      log.info(
        { event: 'desk-story-posted', address, storyId: id, deviceId, storyNumber },
        'audit: the lead posted a desk story on Care Opinion',
      );
      return c.json(done.receipt);
    },
  };
}
