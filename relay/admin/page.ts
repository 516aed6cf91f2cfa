// The admin page at /admin/: static HTML, CSS and its script (admin.js, which imports devices.js and imports.js)
// served with a strict Content Security Policy (no inline code, nothing from elsewhere, no
// framing). The page holds no data of its own: it asks /admin/api with the token the lead signs
// in with (kept for the tab only). The posting desk's script, desk.js, is bundled from TypeScript
// (deskBundle.ts): the release ships it prebuilt in assets/; in the repository it is bundled the
// first time it is asked for. Its Argon2id (hash-wasm) compiles WebAssembly, which is why
// script-src allows 'wasm-unsafe-eval' — WebAssembly only, not eval() or new Function().
import { existsSync, readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import type { RelayEnv } from '../http.ts';

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8');

export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const PREBUILT_DESK = new URL('./assets/desk.js', import.meta.url);
let deskScript: Promise<string> | undefined;
/** desk.js: the release's prebuilt file, else bundled once per process. */
function desk(): Promise<string> {
  deskScript ??= existsSync(PREBUILT_DESK)
    ? Promise.resolve(readFileSync(PREBUILT_DESK, 'utf8'))
    : import('./deskBundle.ts').then((bundle) => bundle.bundleDesk());
  deskScript.catch(() => {
    deskScript = undefined; // asked again, it is tried again
  });
  return deskScript;
}

/** GET /admin → /admin/, the page, its scripts and its style sheet. */
export function mountAdminPage(app: Hono<RelayEnv>): void {
  const files = {
    html: asset('index.html'),
    js: asset('admin.js'),
    devices: asset('devices.js'),
    imports: asset('imports.js'),
    css: asset('admin.css'),
  };
  const send = (body: string, type: string) =>
    new Response(body, { headers: { ...HEADERS, 'Content-Type': type } });
  app.get('/admin', (c) => c.redirect('/admin/'));
  app.get('/admin/', () => send(files.html, 'text/html; charset=utf-8'));
  app.get('/admin/admin.js', () => send(files.js, 'text/javascript; charset=utf-8'));
  app.get('/admin/devices.js', () => send(files.devices, 'text/javascript; charset=utf-8'));
  app.get('/admin/imports.js', () => send(files.imports, 'text/javascript; charset=utf-8'));
  app.get('/admin/desk.js', async () => send(await desk(), 'text/javascript; charset=utf-8'));
  app.get('/admin/admin.css', () => send(files.css, 'text/css; charset=utf-8'));
}
