// The production response headers, in one place: `npm start`'s server (appServer.ts) sends them and
// tests/unit/tools/headers.test.ts checks them. A deployment copies them into its web server's
// configuration, with its own API or relay origin (README, "Deploying"). The page's own fallback
// policy (index.html's meta tag, filled in by vite.config.ts) is built here too, from the same list.
import { SITES } from '../../src/domain/regions/regions.ts';

/** A relay or the sandbox on the same machine: the only places reached over plain http. */
export const LOCAL_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'] as const;

/** Care Opinion's API origins, one per regional site (the regions table): the build's default. */
export const CARE_OPINION_API_ORIGINS: readonly string[] = Object.values(SITES).map(
  (site) => `https://${site.host}`,
);

function directives(connect: readonly string[]): string[] {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (the PIN's Argon2id); JavaScript eval stays refused.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${["'self'", ...connect].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
}

/** The app's policy: itself only, WASM for Argon2id, and connections only to itself and `apiOrigin`. */
export function contentSecurityPolicy(apiOrigin: string | null): string {
  return [...directives(apiOrigin ? [apiOrigin] : []), "frame-ancestors 'none'"].join('; ');
}

/**
 * index.html's fallback, for a host that sends no headers: connections only to itself, the origins
 * named at build time and a relay or sandbox on this machine — never any other https: origin. A
 * meta tag cannot forbid framing (frame-ancestors is ignored there): the header is still required.
 */
export function metaContentSecurityPolicy(connectOrigins: readonly string[]): string {
  return directives([...connectOrigins, ...LOCAL_ORIGINS]).join('; ');
}

/**
 * The build's CONNECT_ORIGINS: https origins separated by commas or spaces ("" for none, unset for
 * Care Opinion's). Anything else — a path, a wildcard, a bare "https:", plain http — stops the build.
 */
export function connectOrigins(value: string | undefined): string[] {
  if (value === undefined) return [...CARE_OPINION_API_ORIGINS];
  return value
    .split(/[\s,]+/)
    .filter((origin) => origin !== '')
    .map((origin) => {
      if (originOf(origin) !== origin || !origin.startsWith('https://') || origin.includes('*'))
        throw new Error(
          `CONNECT_ORIGINS: "${origin}" is not an https origin (https://host or https://host:port)`,
        );
      return origin;
    });
}

/** Every header the app's pages and files are served with. */
export function securityHeaders(apiOrigin: string | null): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(apiOrigin),
    'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy':
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), bluetooth=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The origin of an API address (the base up to /api/v2), or null when there is none. */
export function originOf(apiAddress: string): string | null {
  try {
    return apiAddress === '' ? null : new URL(apiAddress).origin;
  } catch {
    return null;
  }
}

/** The Content-Type of each file the built app holds, for `npm start`'s server and the relay's. */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};
