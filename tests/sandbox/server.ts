// Runs the sandbox on its own HTTP server (the CLI, tests in-process, benchmarks). Port 0 picks
// any free port; close() ends hanging requests and keep-alive connections so shutdown is prompt.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox.ts';

export type SandboxServerOptions = SandboxOptions & { port?: number; host?: string };

export type SandboxServer = {
  /** The API base, e.g. `http://127.0.0.1:8787/api/v2`. */
  url: string;
  /** The server's origin, e.g. `http://127.0.0.1:8787` (controls live at `${origin}/__sandbox/`). */
  origin: string;
  port: number;
  sandbox: Sandbox;
  close(): Promise<void>;
};

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = createSandbox(options);
  const server = createServer((req, res) => {
    if (!sandbox.handle(req, res)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/api/v2`,
    origin,
    port,
    sandbox,
    async close() {
      await sandbox.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
