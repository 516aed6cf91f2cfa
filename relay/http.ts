// What every route shares: the Hono environment, CORS on every answer (preflights answered before
// any token check), the bearer token, and one log line per request with no personal data.
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Logger } from 'pino';

export type RelayEnv = { Variables: { deviceId: string } };

export const ALLOWED_HEADERS = [
  'Authorization',
  'Idempotency-Key',
  'Content-Type',
  'Accept',
  'If-None-Match',
];
export const EXPOSED_HEADERS = ['Retry-After', 'X-Total-Count', 'ETag'];

/** Undefined origins: any origin may call (device tokens are the access control). */
export function corsFor(origins: string[] | undefined): MiddlewareHandler {
  return cors({
    origin: origins ?? '*',
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}

export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/** Method, route pattern (never the query or a path's values), status and time. */
export function requestLog(log: Logger, now: () => number): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    await next();
    log.info(
      { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: now() - started },
      'request',
    );
  };
}
