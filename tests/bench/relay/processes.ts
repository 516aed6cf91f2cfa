// Real relay processes for the benchmark (`tsx relay/main.ts`, as `npm run relay` starts one), so
// one can be killed with SIGKILL mid-run and started again on the same port and database.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

export type RelayProcess = {
  url: string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the relay exited with ${child.exitCode} while starting`);
    const up = await fetch(`${url}/api/v2/relay`).then(
      (res) => res.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll until it answers
  }
  throw new Error('the relay did not start within 60 s');
}

export type RelayProcessOptions = {
  /** A built relay (a release's server/relay.js), run with Node alone; default: relay/main.ts with tsx. */
  entry?: string;
  /** Its port, when its env must name it (RELAY_PUBLIC_URL); default: a free one. */
  port?: number;
};

export async function relayProcess(
  env: Record<string, string>,
  options: RelayProcessOptions = {},
): Promise<RelayProcess> {
  const port = options.port ?? (await freePort());
  const args = options.entry ? [options.entry] : ['--import', 'tsx', 'relay/main.ts'];
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  return {
    url,
    async start() {
      // Node itself with tsx's loader: one process, so SIGKILL reaches the relay and not a wrapper.
      child = spawn(process.execPath, args, {
        env: {
          ...process.env,
          ...env,
          RELAY_PORT: String(port),
          RELAY_HOST: '127.0.0.1',
          RELAY_LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await waitUntilUp(url, child);
    },
    async kill(signal = 'SIGTERM') {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
  };
}
