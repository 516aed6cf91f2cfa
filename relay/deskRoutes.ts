// The posting desk's device routes (issue 27), behind the device token like every /api/v2 route:
// GET /desk/key (the public half the iPad seals to), POST /desk/stories (a sealed story, stored
// once per Idempotency-Key), GET /desk/stories/status (what became of the device's own stories)
// and DELETE /desk/stories/:key (withdrawn before it is posted). The relay never sees a story:
// `sealed` is never logged, counted or answered to anyone but the lead.
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type Desk, STATUS_KEYS_MAX } from './desk.ts';
import { type RelayEnv, readJson } from './http.ts';
import { fieldErrors, IDEMPOTENCY_KEY } from './opinions.ts';
import { ExportKeySchema } from './shared.ts';

type Issue = Parameters<typeof fieldErrors>[0][number];

/** `{ kid, sealed }`: the desk key's id and the story sealed to it, base64url. Nothing else. */
const SealedStorySchema = z.strictObject({
  kid: ExportKeySchema.shape.kid,
  sealed: z
    .string()
    .min(1)
    .regex(/^[A-Za-z0-9_-]+$/, 'Expected base64url'),
});

export function deskRoutes(desk: Desk, log: Logger) {
  return {
    /** `{ kid, jwk }` (public only); 404 `no-desk` when the lead has not set one up. */
    async key(c: Context<RelayEnv>): Promise<Response> {
      const key = await desk.key();
      return key ? c.json({ kid: key.kid, jwk: key.jwk }) : c.json({ error: 'no-desk' }, 404);
    },

    /** 201 `{ id }` stored, 200 the same id for the same key and body, 422 another body or a changed key. */
    async receive(c: Context<RelayEnv>): Promise<Response> {
      const deviceId = c.get('deviceId');
      const key = c.req.header('idempotency-key');
      if (!key || !IDEMPOTENCY_KEY.test(key))
        return c.json({ error: 'An Idempotency-Key header holding a UUID is required' }, 400);
      const read = await readJson(c, 'sealed story');
      if (!read.ok) return read.answer;
      const checked = SealedStorySchema.safeParse(read.value);
      if (!checked.success) return c.json({ errors: fieldErrors(checked.error.issues as Issue[]) }, 422);
      const received = await desk.receive(deviceId, key, checked.data);
      if (received.kind === 'stored') {
        log.info(
          { event: 'desk-story-received', deviceId, storyId: received.id, kid: checked.data.kid },
          'audit: a sealed story reached the posting desk',
        );
        return c.json({ id: received.id }, 201);
      }
      if (received.kind === 'replay') return c.json({ id: received.id }, 200);
      if (received.kind === 'no-desk') return c.json({ error: 'no-desk' }, 404);
      return c.json({ error: received.kind }, 422); // key-reused, desk-key-changed
    },

    /** `?keys=k1,k2` (at most STATUS_KEYS_MAX UUIDs): one `{ key, state, storyNumber? }` per key asked. */
    async status(c: Context<RelayEnv>): Promise<Response> {
      const keys = [...new Set((c.req.query('keys') ?? '').split(',').filter((k) => k !== ''))];
      if (keys.length === 0 || keys.some((k) => !IDEMPOTENCY_KEY.test(k)))
        return c.json({ error: 'keys-invalid' }, 400);
      if (keys.length > STATUS_KEYS_MAX) return c.json({ error: 'too-many-keys', max: STATUS_KEYS_MAX }, 400);
      return c.json(await desk.statuses(c.get('deviceId'), keys));
    },

    /** 204 withdrawn (again: still 204); 409 `already-posted`; 404 for a key the device never sent. */
    async withdraw(c: Context<RelayEnv>): Promise<Response> {
      const deviceId = c.get('deviceId');
      const key = c.req.param('key') ?? '';
      if (!IDEMPOTENCY_KEY.test(key)) return c.json({ error: 'unknown-story' }, 404);
      const done = await desk.withdraw(deviceId, key);
      if (!done.ok) return c.json({ error: done.error }, done.error === 'unknown-story' ? 404 : 409);
      if (done.now)
        log.info(
          { event: 'desk-story-withdrawn', deviceId, storyId: done.id },
          'audit: a device withdrew its story from the posting desk',
        );
      return c.body(null, 204);
    },
  };
}
