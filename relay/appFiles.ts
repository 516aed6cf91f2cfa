// The built app at / (one origin: the relay serves the app, the API and, unless RELAY_ADMIN_PORT
// moves it, the admin page). Files are read once at start with the brotli and gzip copies
// `npm run release` made beside them; hashed assets are cached for a year, everything else
// (index.html, the web manifest, the service worker) is revalidated. /app-config.json comes from
// the relay's settings: the API at RELAY_PUBLIC_URL, the organisation and the region.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import type { RelayEnv } from './http.ts';
import type { RelayServices } from './services.ts';
import { securityHeaders, CONTENT_TYPES as TYPES } from './shared.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

type AppFile = { body: Buffer; br?: Buffer; gzip?: Buffer; type: string; cache: string };

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Vite's hashed output (assets/name-HASH.ext) never changes under its name. */
const isHashed = (path: string) => /^\/assets\/.+-[\w-]{8,}\.\w+$/.test(path);

export function loadAppFiles(dir: string): Map<string, AppFile> {
  const files = new Map<string, AppFile>();
  for (const path of walk(dir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue;
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    const variant = (suffix: string) =>
      existsSync(`${path}${suffix}`) ? readFileSync(`${path}${suffix}`) : undefined;
    const br = variant('.br');
    const gzip = variant('.gz');
    files.set(url, {
      body: readFileSync(path),
      ...(br ? { br } : {}),
      ...(gzip ? { gzip } : {}),
      type: TYPES[extname(path)] ?? 'application/octet-stream',
      cache: isHashed(url) ? IMMUTABLE : REVALIDATE,
    });
  }
  return files;
}

function send(c: Context<RelayEnv>, file: AppFile, headers: Record<string, string>): Response {
  const accepts = c.req.header('accept-encoding') ?? '';
  const [body, encoding] =
    file.br && /\bbr\b/.test(accepts)
      ? [file.br, 'br']
      : file.gzip && /\bgzip\b/.test(accepts)
        ? [file.gzip, 'gzip']
        : [file.body, undefined];
  return c.body(new Uint8Array(body), 200, {
    ...headers,
    'Content-Type': file.type,
    'Cache-Control': file.cache,
    Vary: 'Accept-Encoding',
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
}

export function mountApp(app: Hono<RelayEnv>, services: RelayServices, dir: string): void {
  const files = loadAppFiles(dir);
  // One origin: the app connects only to itself (connect-src 'self').
  const headers = securityHeaders(null);
  const { config } = services;

  app.get('/app-config.json', (c) =>
    c.json(
      {
        apiAddress: `${services.publicUrl()}/api/v2`,
        ...(config.organisation ? { organisation: config.organisation } : {}),
        region: config.region ?? 'uk',
      },
      200,
      { ...headers, 'Cache-Control': REVALIDATE },
    ),
  );

  app.get('*', (c, next) => {
    const path = c.req.path === '/' ? '/index.html' : c.req.path;
    const file = files.get(path);
    if (file) return send(c, file, headers);
    // A page of the app (no file extension) gets the app shell; anything else is not found.
    const shell = files.get('/index.html');
    const serverPath = /^\/(api|admin)(\/|$)/.test(path);
    if (shell && !/\.\w+$/.test(path) && !serverPath) return send(c, shell, headers);
    return next();
  });
}
