// The WebKit suite itself, run by tests/tools/webkit.ts inside its own network namespace and under
// Xvfb: one WebKitWebDriver, one session (a fresh profile) per flow, flows one after another.
// Last line: "N passed, M failed"; the exit code is non-zero when any flow failed.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppServerOptions, startAppServer } from '../tools/appServer.ts';
import { BROWSER_ARGS, Browser, MINIBROWSER, waitUntil } from './browser.ts';
import { FLOWS, type FlowContext, type LastingBrowser, type Served } from './flows.ts';
import { Network, SERVER_IP } from './network.ts';

const DRIVER_PORT = 4444;
const filter = process.argv.slice(2).join(' ').toLowerCase();

const net = new Network();
const driver: ChildProcess = spawn('WebKitWebDriver', [`--port=${DRIVER_PORT}`, '--replace-on-new-session'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
const driverUrl = `http://127.0.0.1:${DRIVER_PORT}`;
await waitUntil('WebKitWebDriver', async () => (await fetch(`${driverUrl}/status`)).ok);

/**
 * A MiniBrowser that outlives its WebDriver sessions: WebKitWebDriver deletes the session when a
 * page's web process dies, and a new session on the usual driver is a fresh profile. Started by us
 * with a remote-inspector port and driven by a second driver with `--target`, the same browser —
 * and its storage — takes a new session after a crash. Only for the crash flow (the usual driver is
 * idle then: one browser at a time).
 */
async function startLastingBrowser(): Promise<LastingBrowser> {
  const inspector = '127.0.0.1:2229';
  const browserProcess = spawn(MINIBROWSER, BROWSER_ARGS, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WEBKIT_INSPECTOR_SERVER: inspector },
  });
  const port = DRIVER_PORT + 1;
  const targetDriver = spawn(
    'WebKitWebDriver',
    [`--port=${port}`, `--target=${inspector}`, '--replace-on-new-session'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitUntil('the second WebKitWebDriver', async () => (await fetch(`${url}/status`)).ok);
  return {
    pid: browserProcess.pid ?? 0,
    // Up to three tries: right after a start or a crash the browser may not answer the first.
    session: () =>
      within(20_000, 'attaching a WebKit session', Browser.open(url, true))
        .catch(() => within(20_000, 'attaching a WebKit session again', Browser.open(url, true)))
        .catch(() => within(20_000, 'attaching a WebKit session a third time', Browser.open(url, true))),
    async close() {
      targetDriver.kill();
      browserProcess.kill();
    },
  };
}

/** Ends a promise that might never settle (a browser that hangs) after `ms`. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`${what} took over ${ms} ms`)), ms).unref()),
  ]);
}

const started = Date.now();
let passed = 0;
let failed = 0;
for (const flow of FLOWS) {
  if (filter && !flow.name.toLowerCase().includes(filter)) continue;
  const cleanups: (() => Promise<unknown>)[] = [];
  const t0 = Date.now();
  let browser: Browser | null = null;
  try {
    if (!flow.ownBrowser)
      // Once more if the first try hangs: MiniBrowser has failed to reach Xvfb on a busy machine.
      browser = await within(30_000, 'starting a WebKit session', Browser.open(driverUrl)).catch(() =>
        within(30_000, 'starting a WebKit session again', Browser.open(driverUrl)),
      );
    const context: FlowContext = {
      b: browser as Browser,
      lastingBrowser: async () => {
        const lasting = await startLastingBrowser();
        cleanups.push(() => lasting.close());
        return lasting;
      },
      net,
      serveApp: async (options: Partial<AppServerOptions> = {}) => {
        const app = await startAppServer({ root: 'dist', host: SERVER_IP, ...options });
        cleanups.push(() => app.close());
        const url = await net.forward(app.port);
        // The test's own view of the sandbox, on loopback: it answers even while the browser is offline.
        let control: Server | null = null;
        if (app.sandbox) {
          const sandbox = app.sandbox;
          control = createServer((req, res) => {
            if (!sandbox.handle(req, res)) res.writeHead(404).end();
          });
          await new Promise<void>((ok) => control?.listen(0, '127.0.0.1', ok));
          cleanups.push(() => new Promise((ok) => control?.close(ok)));
        }
        const served: Served = {
          url,
          port: app.port,
          async received() {
            if (!control) throw new Error('no sandbox');
            const { port } = control.address() as AddressInfo;
            return (await (await fetch(`http://127.0.0.1:${port}/__sandbox/received`)).json()) as never;
          },
        };
        return served;
      },
      forward: (port: number) => net.forward(port),
      cleanup: (fn) => cleanups.push(fn),
    };
    await within(flow.timeout ?? 120_000, flow.name, flow.run(context));
    passed++;
    console.log(`  ✓ ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${flow.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(
      `    ${String((error as Error)?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
    if (browser) {
      const text = await within(5_000, 'reading the page', browser.text()).catch(() => '(page unreadable)');
      console.log(`    page text: ${text.replace(/\s+/g, ' ').slice(0, 600)}`);
    }
  } finally {
    net.online();
    await within(15_000, 'closing the session', browser?.quit() ?? Promise.resolve()).catch(() => undefined);
    for (const fn of cleanups.reverse()) await fn().catch(() => undefined);
    await net.closeForwards();
  }
}

driver.kill();
console.log(`WebKit suite: ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
