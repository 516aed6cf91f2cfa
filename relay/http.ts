// What every route shares: the Hono environment, CORS on the device API (preflights answered
// before any token check), the body limits, the client's address (from X-Forwarded-For only behind a trusted
// proxy), the bearer token, and one log line per request with no personal data.

import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

export type RelayEnv = { Variables: { deviceId: string; address: string } };

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
    allowMethods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
    allowHeaders: ALLOWED_HEADERS,
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
}

/** `::ffff:10.0.0.1` is 10.0.0.1: one spelling, so a rule for IPv4 matches it. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? (mapped[1] as string) : address;
}

/** Addresses and ranges (`10.0.0.0/8`, `::1`) as a matcher. */
export function addressRule(list: readonly string[]): (address: string) => boolean {
  const rule = new BlockList();
  for (const item of list) {
    const [address, bits] = item.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) rule.addAddress(address, type);
    else rule.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const plain = plainAddress(address);
    const family = isIP(plain);
    return family !== 0 && rule.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the connection's, or — when the connection comes from a trusted proxy —
 * the nearest address in X-Forwarded-For that is not itself a trusted proxy. Host and the other
 * X-Forwarded-* headers are never read.
 */
export function clientAddress(trustProxy: readonly string[]): MiddlewareHandler<RelayEnv> {
  const trusted = addressRule(trustProxy);
  return async (c, next) => {
    let address = plainAddress(getConnInfo(c).remote.address ?? 'unknown');
    if (trustProxy.length > 0 && trusted(address)) {
      const chain = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((hop) => plainAddress(hop.trim()))
        .filter((hop) => isIP(hop) !== 0);
      while (chain.length > 0 && trusted(address)) address = chain.pop() as string;
    }
    c.set('address', address);
    await next();
  };
}

/** A path prefix and the most bytes a request body under it may hold. */
export type BodyLimit = readonly [prefix: string, bytes: number];

/**
 * 413 `{ "error": "body-too-large", "limit" }` for a body over the limit of the first row whose
 * prefix the path starts with (else `fallback`), before the route sees it: a Content-Length over
 * the limit is answered at once without reading the body; a chunked body is counted as it arrives
 * and cut at the limit (Hono's bodyLimit). A route that needs its own limit adds a row above any
 * broader prefix.
 */
export function bodyLimits(table: readonly BodyLimit[], fallback: number): MiddlewareHandler<RelayEnv> {
  const limiter = (bytes: number) =>
    bodyLimit({ maxSize: bytes, onError: (c) => c.json({ error: 'body-too-large', limit: bytes }, 413) });
  const rows = table.map(([prefix, bytes]) => ({ prefix, limit: limiter(bytes) }));
  const otherwise = limiter(fallback);
  return (c, next) => {
    const path = c.req.path;
    const row = rows.find(({ prefix }) => path.startsWith(prefix));
    return (row?.limit ?? otherwise)(c, next);
  };
}

export function bearerToken(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1];
}

/** Method, route pattern (never the query or a path's values), status, time and the device id. */
export function requestLog(log: Logger, now: () => number, metrics?: Metrics): MiddlewareHandler<RelayEnv> {
  return async (c, next) => {
    const started = now();
    const precise = performance.now();
    await next();
    const route = c.req.routePath;
    metrics?.requestDuration.observe(
      { method: c.req.method, route, status: String(c.res.status) },
      (performance.now() - precise) / 1000,
    );
    log.info(
      {
        method: c.req.method,
        route,
        status: c.res.status,
        ms: now() - started,
        deviceId: c.get('deviceId'),
      },
      'request',
    );
  };
}

/** An error for a log line: its kind and message, and where it came from (never a request body). */
export function errorFields(error: unknown): { error: string; message: string; stack?: string } {
  if (!(error instanceof Error)) return { error: 'Error', message: String(error) };
  const fields = { error: error.name, message: error.message || error.name };
  const code = (error as { code?: unknown }).code;
  const withCode = typeof code === 'string' ? { ...fields, message: `${fields.message} (${code})` } : fields;
  const stack = error.stack?.split('\n').slice(1, 6).join('\n');
  return stack ? { ...withCode, stack } : withCode;
}

/**
 * A JSON body, as every device route reads one: 415 unless it is sent as application/json, 400
 * when it does not parse (never the parser's message: it quotes the body).
 */
export async function readJson(
  c: Context,
  what: string,
): Promise<{ ok: true; text: string; value: unknown } | { ok: false; answer: Response }> {
  if (!(c.req.header('content-type') ?? '').includes('application/json'))
    return { ok: false, answer: c.json({ error: `Send the ${what} as application/json` }, 415) };
  const text = await c.req.text();
  try {
    return { ok: true, text, value: JSON.parse(text) };
  } catch {
    return { ok: false, answer: c.json({ error: 'The body is not valid JSON' }, 400) };
  }
}
