// The fleet's device routes (issue 26): POST /api/v2/devices/me/status, what an iPad holds (numbers
// only, kept per device; the body is never logged), GET /api/v2/devices/me, the id this relay knows
// the iPad by (an iPad connected before issue 26 never kept it, and a sealed file names it), and
// GET /api/v2/relay/export-key, the public key an iPad seals its unsent stories to.
import type { Context } from 'hono';
import type { Fleet } from './fleet.ts';
import { type RelayEnv, readJson } from './http.ts';
import { fieldErrors } from './opinions.ts';
import type { RelayServices } from './services.ts';
import { DeviceStatusSchema } from './shared.ts';

type Issue = Parameters<typeof fieldErrors>[0][number];

export function reportStatus(fleet: Fleet) {
  return async (c: Context<RelayEnv>): Promise<Response> => {
    const read = await readJson(c, 'status');
    if (!read.ok) return read.answer;
    const checked = DeviceStatusSchema.safeParse(read.value);
    if (!checked.success) return c.json({ errors: fieldErrors(checked.error.issues as Issue[]) }, 422);
    await fleet.report(c.get('deviceId'), checked.data);
    return c.body(null, 204);
  };
}

/** `{ deviceId }`: the token's own device, nothing else (the token alone says which). */
export function whoAmI(c: Context<RelayEnv>): Response {
  return c.json({ deviceId: c.get('deviceId') });
}

/** `{ kid, jwk }` (the public half only); 503 `export-key-unavailable` when it cannot be opened. */
export function exportKey(services: Pick<RelayServices, 'exportKey'>) {
  return (c: Context<RelayEnv>): Response => {
    const key = services.exportKey.current;
    if (!key) return c.json({ error: 'export-key-unavailable' }, 503);
    return c.json({ kid: key.kid, jwk: key.jwk });
  };
}
