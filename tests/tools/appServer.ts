// Serves a built app folder with the sandbox Care Opinion mounted at /api/v2 and an
// /app-config.json pointing at it. Used by `npm start`, the end-to-end tests and the benchmarks.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox.ts';
import { originOf, securityHeaders, CONTENT_TYPES as TYPES } from './headers.ts';

export type AppServerOptions = {
  root: string;
  port?: number;
  host?: string;
  /** Mount the sandbox (default true); false serves only the app, e.g. for cross-origin tests. */
  sandbox?: SandboxOptions | false;
  /**
   * /app-config.json: pointing at the mounted sandbox (default when it is mounted), or at the
   * given address and key (a sandbox on another origin, for cross-origin tests), or none.
   */
  appConfig?: boolean | { apiAddress: string; key: string; relayOrigins?: string[] };
  /** Another origin the app may connect to (CSP connect-src), e.g. a relay named only in Settings. */
  apiOrigin?: string;
  /** false: no Content-Security-Policy header, as from a host that sends none (only the meta tag applies). */
  contentSecurityPolicy?: boolean;
};

export type AppServer = {
  url: string;
  port: number;
  sandbox: Sandbox | null;
  /** Serve another build from now on (the update test builds twice). */
  setRoot(root: string): void;
  close(): Promise<void>;
};

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  let root = resolve(options.root);
  const sandbox = options.sandbox === false ? null : createSandbox(options.sandbox ?? {});
  const serveConfig = options.appConfig ?? sandbox !== null;
  const configFor = (origin: string) =>
    typeof serveConfig === 'object'
      ? serveConfig
      : { apiAddress: `${origin}/api/v2`, key: sandbox ? 'sandbox-key' : '' };
  const server = createServer((req, res) => {
    if (sandbox?.handle(req, res)) return;
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/app-config.json' && serveConfig) {
      send(res, 200, 'application/json', JSON.stringify(configFor(origin)));
      return;
    }
    // connect-src: the app itself, and the API origin it is configured with when that is elsewhere.
    const api =
      options.apiOrigin ??
      (typeof serveConfig === 'object' && serveConfig.apiAddress !== ''
        ? originOf(serveConfig.apiAddress)
        : null);
    const headers = securityHeaders(api);
    if (options.contentSecurityPolicy === false) delete headers['Content-Security-Policy'];
    serveFile(root, path, req, res, headers);
  });
  await new Promise<void>((ok) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    sandbox,
    setRoot(next) {
      root = resolve(next);
    },
    async close() {
      server.closeAllConnections();
      await sandbox?.close();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function serveFile(
  root: string,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): void {
  const file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root + sep) && file !== root) {
    send(res, 403, 'text/plain', 'Forbidden');
    return;
  }
  const isFile = existsSync(file) && statSync(file).isFile();
  // Unknown paths without a file extension are app routes: answer with the app shell.
  const target = isFile ? file : extname(path) === '' ? join(root, 'index.html') : null;
  if (!target || !existsSync(target)) {
    send(res, 404, 'text/plain', 'Not found');
    return;
  }
  const hashed = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
    ...headers,
    // Hashed assets never change; everything else (index.html, sw.js, manifest) must revalidate.
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(target).pipe(res);
}
