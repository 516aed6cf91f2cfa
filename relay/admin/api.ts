// The admin API under /admin/api, for the organisation's Care Opinion lead (Bearer <admin token>):
// enrolment codes (with the app link and its QR code), the devices with what each last said it
// holds (the fleet, riskiest first) and revocation, recent deliveries, the relay's status, a
// directory refresh now, importing a sealed file, and the posting desk (its key, the sealed stories
// waiting, "I have posted it"). No answer carries any readable story content.

import type { MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import type { Logger } from 'pino';
import { renderSVG } from 'uqr';
import { z } from 'zod';
import { DEFAULT_CODE_MINUTES } from '../devices.ts';
import { bearerToken, errorFields, type RelayEnv } from '../http.ts';
import { sameSecret } from '../secrets.ts';
import type { RelayServices } from '../services.ts';
import { deskAdmin } from './desk.ts';
import { importSealedFile } from './imports.ts';
import { type AdminThrottle, createAdminThrottle } from './throttle.ts';

const EnrolmentSchema = z.object({
  name: z.string().trim().max(100).optional(),
  expiresInMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
});
const RefreshSchema = z.object({ kind: z.enum(['full', 'incremental']).default('full') });

function requireAdmin(token: string, log: Logger, throttle: AdminThrottle): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const address = c.get('address');
    const wait = throttle.wait(address);
    if (wait > 0) {
      log.warn(
        { event: 'admin-sign-in-throttled', address, retryAfter: wait },
        'audit: too many admin sign-in failures',
      );
      return c.json({ error: 'too-many-admin-failures' }, 429, { 'Retry-After': String(wait) });
    }
    const given = bearerToken(c);
    if (!given || !sameSecret(given, token)) {
      throttle.failed(address);
      log.warn(
        { event: 'admin-sign-in-failed', address, given: given ? 'wrong' : 'none' },
        'audit: the admin token was not accepted',
      );
      return c.json({ error: 'admin-token-wrong' }, 401);
    }
    throttle.succeeded(address);
    await next();
  };
}

/** The app's `#enrol=<relay address>,<code>` link and its QR code as an SVG data URL. */
export function enrolmentLink(
  appUrl: string,
  relayOrigin: string,
  code: string,
): { link: string; qr: string } {
  const link = `${appUrl.replace(/#.*$/, '')}#enrol=${encodeURIComponent(relayOrigin)},${code}`;
  const svg = renderSVG(link, { border: 2 });
  return { link, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export function adminApi(services: RelayServices): Hono<RelayEnv> {
  const { config, devices, deliveries, directory, refresher, log } = services;
  const api = new Hono<RelayEnv>();
  api.use('*', requireAdmin(config.adminToken, log, createAdminThrottle(services.now)));

  api.post('/enrolments', async (c) => {
    const parsed = EnrolmentSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success) return c.json({ error: 'Send { "name"?: "…", "expiresInMinutes"?: 60 }' }, 400);
    const minutes = parsed.data.expiresInMinutes ?? DEFAULT_CODE_MINUTES;
    const enrolment = await devices.createEnrolment(parsed.data.name ?? null, minutes);
    log.info(
      { event: 'enrolment-code-created', address: c.get('address'), enrolmentId: enrolment.id, minutes },
      'audit: an enrolment code was created',
    );
    const answer = {
      id: enrolment.id,
      code: enrolment.code,
      expiresAt: new Date(enrolment.expiresAt).toISOString(),
      minutes,
    };
    // The relay's own address from its settings: never the Host or X-Forwarded-* headers.
    const appUrl = services.appUrl();
    if (!appUrl) return c.json(answer, 201);
    return c.json({ ...answer, ...enrolmentLink(appUrl, services.publicUrl(), enrolment.code) }, 201);
  });

  /** Codes still open (not used, not expired): the page drops any other from the screen. */
  api.get('/enrolments', async (c) => c.json(await devices.open()));

  api.get('/devices', async (c) => c.json(await services.listDevices()));

  api.post('/devices/:deviceId/revoke', async (c) => {
    const deviceId = c.req.param('deviceId');
    if (!(await devices.revoke(deviceId))) return c.json({ error: 'device-unknown' }, 404);
    log.info({ event: 'device-revoked', address: c.get('address'), deviceId }, 'audit: a device was revoked');
    return c.json({ deviceId, revoked: true });
  });

  api.get('/deliveries', async (c) =>
    c.json(await deliveries.recent(Number(c.req.query('take') ?? 50) || 50)),
  );

  api.get('/status', async (c) => {
    // Refreshing first: a refresh that ends meanwhile then shows its result, never a stale "done".
    const refreshing = await refresher.isRefreshing();
    const state = await directory.state();
    const ageMs = state.updatedAt ? services.now() - Date.parse(state.updatedAt) : null;
    return c.json({
      upstream: { base: config.upstream, key: await services.checkKey('admin-status') },
      directory: {
        count: state.count,
        updatedAt: state.updatedAt,
        ageHours: ageMs === null ? null : Math.round(ageMs / 360_000) / 10,
        refreshing,
        lastError: state.lastError,
      },
      database: services.databaseKind,
    });
  });

  api.post('/directory/refresh', async (c) => {
    const parsed = RefreshSchema.safeParse(await c.req.json().catch(() => ({})));
    if (!parsed.success) return c.json({ error: 'Send { "kind"?: "full" | "incremental" }' }, 400);
    const running = await refresher.begin(parsed.data.kind);
    if (!running) return c.json({ error: 'refreshing' }, 409);
    running.done.catch((error: unknown) =>
      services.log.error(errorFields(error), 'directory refresh crashed'),
    );
    return c.json({ started: parsed.data.kind }, 202);
  });

  api.post('/imports', importSealedFile(services));

  const desk = deskAdmin(services);
  api.post('/desk/key', desk.setKey);
  api.get('/desk/key', desk.getKey);
  api.get('/desk/stories', desk.waiting);
  api.post('/desk/stories/:id/posted', desk.posted);

  api.notFound((c) => c.json({ error: 'not-found' }, 404));
  return api;
}
