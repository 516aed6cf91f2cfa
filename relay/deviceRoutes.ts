// The device API's doors: GET /api/v2/relay (no token), POST /api/v2/devices (an enrolment code),
// and the bearer-token check in front of everything else under /api/v2.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Devices } from './devices.ts';
import { bearerToken, type RelayEnv } from './http.ts';

const EnrolSchema = z.object({
  code: z.string().min(1).max(64),
  name: z.string().trim().max(100).default(''),
});

export function enrolDevice(devices: Devices) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const parsed = EnrolSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: 'Send { "code": "…", "name": "…" } as JSON' }, 400);
    const address = getConnInfo(c).remote.address ?? 'unknown';
    const result = await devices.enrol(parsed.data.code, parsed.data.name, address);
    if (result.ok) return c.json({ deviceId: result.deviceId, token: result.token }, 201);
    if (result.error === 'too-many-codes') {
      return c.json({ error: 'too-many-codes' }, 429, { 'Retry-After': '60' });
    }
    return c.json({ error: result.error }, 400);
  };
}

export function requireDevice(devices: Devices): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const token = bearerToken(c);
    const check = token
      ? await devices.authenticate(token)
      : ({ ok: false, error: 'device-unknown' } as const);
    if (!check.ok) return c.json({ error: check.error }, 401);
    c.set('deviceId', check.deviceId);
    await next();
  };
}
