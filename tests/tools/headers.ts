// The production response headers, in one place: `npm start`'s server (appServer.ts) sends them and
// tests/unit/tools/headers.test.ts checks them. A deployment copies them into its web server's
// configuration, with its own API or relay origin (README, "Deploying").

/** The app's policy: itself only, WASM for Argon2id, and connections only to itself and `apiOrigin`. */
export function contentSecurityPolicy(apiOrigin: string | null): string {
  const connect = ["'self'", ...(apiOrigin ? [apiOrigin] : [])].join(' ');
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (the PIN's Argon2id); JavaScript eval stays refused.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
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
