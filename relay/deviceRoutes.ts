// The device API's doors: GET /api/v2/relay (no token; says only that it is one), POST /api/v2/devices (an enrolment code),
// and the bearer-token check in front of everything else under /api/v2. Connecting and throttled
// codes are audit events (README.md, "Audit trail"): the address and ids, never the code or token.
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Devices } from './devices.ts';
import { bearerToken, type RelayEnv } from './http.ts';

const EnrolSchema = z.object({
  code: z.string().min(1).max(64),
  name: z.string().trim().max(100).default(''),
});

export function enrolDevice(devices: Devices, log: Logger) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const parsed = EnrolSchema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: 'Send { "code": "…", "name": "…" } as JSON' }, 400);
    const address = c.get('address');
    const result = await devices.enrol(parsed.data.code, parsed.data.name, address);
    if (result.ok) {
      log.info(
        { event: 'device-connected', address, deviceId: result.deviceId, enrolmentId: result.enrolmentId },
        'audit: a device connected with an enrolment code',
      );
      return c.json({ deviceId: result.deviceId, token: result.token }, 201);
    }
    if (result.error === 'too-many-codes') {
      log.warn(
        { event: 'enrolment-codes-throttled', address },
        'audit: too many wrong enrolment codes from one address',
      );
      return c.json({ error: 'too-many-codes' }, 429, { 'Retry-After': '60' });
    }
    log.info(
      { event: 'enrolment-code-wrong', address, reason: result.error },
      'audit: a wrong enrolment code',
    );
    // One answer for unknown, used and expired alike, so the answer never says whether a code exists;
    // the reason is in the audit line above only.
    return c.json({ error: 'code-not-accepted' }, 400);
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
