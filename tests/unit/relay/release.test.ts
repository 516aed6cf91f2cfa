// The release as a trust installs it (issue 21): `npm run release`'s folder, copied outside the
// repository, `npm ci --omit=dev` there (the registry, or npm's cache), then `npm start` with the
// environment DEPLOY.md gives — against the sandbox, on SQLite and then on Postgres. It serves the
// health checks, the metrics, the app with its CSP, /app-config.json, the admin page on its own
// port, an enrolment, and a story that arrives once.
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bench/relay/processes.ts';
import type { SandboxServer } from '../../sandbox/server.ts';
import { buildRelease, folderBytes } from '../../tools/release.ts';
import { getControl, KEY, type Received, startTestSandbox, validStory } from '../sandbox/helpers.ts';
import { type DbKind, sqliteUrl, useDatabases } from './databases.ts';

const databases = useDatabases();
const ADMIN = 'an-admin-token-long-enough-for-the-hardening-issue';

/**
 * better-sqlite3 installs a prebuilt binary from GitHub, else compiles itself (a minute or two
 * of C++). The binary this repository's install already has is the same file: offered as a local
 * prebuild, it keeps the test fast; without one, npm compiles it, as on a server.
 */
function localPrebuild(dir: string): Record<string, string> {
  const built = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  if (!existsSync(built)) return {};
  const version = (
    JSON.parse(
      execFileSync('npm', ['pkg', 'get', 'version'], {
        cwd: 'node_modules/better-sqlite3',
        encoding: 'utf8',
      }),
    ) as string
  ).trim();
  const stage = join(dir, 'stage/build/Release');
  mkdirSync(stage, { recursive: true });
  execFileSync('cp', [built, stage]);
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  execFileSync('tar', ['-czf', join(dir, name), '-C', join(dir, 'stage'), 'build']);
  return { npm_config_better_sqlite3_local_prebuilds: dir };
}

type Started = { child: ChildProcess; url: string; adminUrl: string; lines: string[] };

function npmStart(cwd: string, env: Record<string, string>): Promise<Started> {
  // Its own process group, so stopping it reaches node behind npm.
  const child = spawn('npm', ['start', '--silent'], {
    cwd,
    env: { PATH: process.env.PATH as string, HOME: process.env.HOME as string, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg: string; url?: string; adminUrl?: string };
      if (entry.msg === 'relay listening') {
        resolve({ child, url: entry.url as string, adminUrl: entry.adminUrl as string, lines });
      }
    });
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}: ${stderr}`)));
  });
}

/** SIGTERM to npm and the relay; resolves when the relay's output has ended (it has exited). */
async function stop(started: Started): Promise<string[]> {
  const { child } = started;
  if (child.stdout?.readableEnded) return started.lines;
  const ended = new Promise((resolve) => child.stdout?.once('close', resolve));
  try {
    process.kill(-(child.pid as number), 'SIGTERM');
  } catch {
    // already gone
  }
  await ended;
  return started.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
}

describe('the release, installed with npm ci --omit=dev and started with npm start', () => {
  const work = mkdtempSync(join(tmpdir(), 'relay-release-'));
  const release = join(work, 'release');
  let installMs = 0;

  beforeAll(async () => {
    await buildRelease(release);
    const started = performance.now();
    execFileSync(
      'npm',
      ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
      {
        cwd: release,
        env: { ...process.env, ...localPrebuild(join(work, 'prebuilds')) },
        stdio: 'pipe',
      },
    );
    installMs = performance.now() - started;
    console.log(
      `release: ${(folderBytes(release) / 1e6).toFixed(1)} MB installed (${((folderBytes(release) - folderBytes(join(release, 'node_modules'))) / 1e6).toFixed(2)} MB before install); npm ci --omit=dev took ${(installMs / 1000).toFixed(1)} s`,
    );
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds only the runtime: no TypeScript runner, no dev tools, no repository sources', () => {
    for (const absent of ['tsx', 'typescript', 'vite', 'esbuild', 'vitest', 'zod', 'preact']) {
      expect(existsSync(join(release, 'node_modules', absent)), absent).toBe(false);
    }
    // The app's service worker leaves the relay's own pages to the server, never the app shell.
    const worker = readFileSync(join(release, 'app/sw.js'), 'utf8');
    // Its one list of server paths (sw/sw.ts SERVER_PATHS), as the minifier quotes them.
    for (const path of ['/admin', '/admin/*', '/healthz', '/readyz', '/metrics']) {
      expect(worker, path).toMatch(new RegExp(`[\`'"]${path.replace('*', '\\*')}[\`'"]`));
    }
    for (const present of [
      'app/index.html',
      'server/relay.js',
      'server/assets/desk.js',
      'story-relay.service',
      'nginx.conf',
      'DEPLOY.md',
    ]) {
      expect(existsSync(join(release, present)), present).toBe(true);
    }
  });

  it('refuses to start without RELAY_PUBLIC_URL, naming it (exit 2)', () => {
    const started = spawnSync(process.execPath, ['server/relay.js'], {
      cwd: release,
      env: {
        PATH: process.env.PATH as string,
        CARE_OPINION_API: 'https://co.example/api/v2',
        CARE_OPINION_KEY: KEY,
        RELAY_ADMIN_TOKEN: ADMIN,
      },
      encoding: 'utf8',
    });
    expect(started.status).toBe(2);
    expect(started.stderr).toMatch(/^relay: Missing required environment variable RELAY_PUBLIC_URL/);
  });

  for (const kind of ['sqlite', 'postgres'] as DbKind[]) {
    it(`serves the app, the API, the admin page and the health checks on ${kind}`, async () => {
      let sandbox: SandboxServer | undefined;
      let relay: Started | undefined;
      try {
        sandbox = await startTestSandbox();
        const database = kind === 'sqlite' ? sqliteUrl() : await databases.url('postgres');
        const [port, adminPort] = [await freePort(), await freePort()];
        const publicUrl = `http://127.0.0.1:${port}`;
        relay = await npmStart(release, {
          CARE_OPINION_API: sandbox.url,
          CARE_OPINION_KEY: KEY,
          RELAY_ADMIN_TOKEN: ADMIN,
          RELAY_DATABASE: database.kind === 'sqlite' ? `sqlite:${database.path}` : database.url,
          RELAY_PORT: String(port),
          RELAY_ADMIN_PORT: String(adminPort),
          RELAY_PUBLIC_URL: publicUrl,
          RELAY_ORGANISATION: 'City Hospital',
          // Postgres: the body fingerprints' secret in a state folder (SQLite: beside its file).
          ...(kind === 'postgres' ? { RELAY_STATE_DIR: mkdtempSync(join(tmpdir(), 'relay-state-')) } : {}),
        });
        const { url, adminUrl } = relay;
        expect(url).toBe(publicUrl);

        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        const ready = await fetch(`${url}/readyz`);
        expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready', database: kind }]);
        const metrics = await fetch(`${url}/metrics`);
        expect(metrics.status).toBe(200);
        expect(await metrics.text()).toContain('relay_upstream_key_state');

        const page = await fetch(`${url}/`, { headers: { 'Accept-Encoding': 'br' } });
        expect(page.status).toBe(200);
        expect(page.headers.get('content-security-policy')).toContain("connect-src 'self';");
        expect(page.headers.get('content-encoding')).toBe('br');
        expect(await page.text()).toContain('<div id="app"');
        const config = await (await fetch(`${url}/app-config.json`)).json();
        expect(config).toEqual({
          apiAddress: `${publicUrl}/api/v2`,
          organisation: 'City Hospital',
          region: 'uk',
        });

        expect((await fetch(`${url}/admin/`)).status).toBe(404); // never on the app's origin
        const adminPage = await fetch(`${adminUrl}/admin/`);
        expect([adminPage.status, adminPage.headers.get('content-type')]).toEqual([
          200,
          'text/html; charset=utf-8',
        ]);

        // The posting desk's script, built into the release (no esbuild here), under the page's CSP.
        const deskScript = await fetch(`${adminUrl}/admin/desk.js`);
        expect([deskScript.status, deskScript.headers.get('content-type')]).toEqual([
          200,
          'text/javascript; charset=utf-8',
        ]);
        expect(deskScript.headers.get('content-security-policy')).toContain(
          "script-src 'self' 'wasm-unsafe-eval';",
        );
        expect(await deskScript.text()).toContain('Set up the posting desk');

        const adminApi = (path: string, body?: object) =>
          fetch(`${adminUrl}/admin/api${path}`, {
            method: body ? 'POST' : 'GET',
            headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
            body: body ? JSON.stringify(body) : undefined,
          });
        const enrolment = (await (await adminApi('/enrolments', { name: 'Ward 3 iPad' })).json()) as {
          code: string;
          link: string;
        };
        expect(enrolment.link).toContain(`${publicUrl}/#enrol=`);
        const connected = await fetch(`${url}/api/v2/devices`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ code: enrolment.code, name: 'iPad' }),
        });
        expect(connected.status).toBe(201);
        const { token } = (await connected.json()) as { token: string };
        const key = randomUUID();
        const post = () =>
          fetch(`${url}/api/v2/opinions`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
              'Idempotency-Key': key,
            },
            body: JSON.stringify(validStory()),
          });
        const first = await post();
        expect(first.status).toBe(201);
        const again = await post();
        expect([again.status, await again.json()]).toEqual([200, await first.json()]);
        expect((await getControl<Received[]>(sandbox, '/received')).map((r) => r.idempotencyKey)).toEqual([
          key,
        ]);
        expect(((await (await adminApi('/devices')).json()) as { name: string }[])[0]?.name).toBe(
          'Ward 3 iPad',
        );

        expect(await stop(relay)).toContain('relay stopped'); // a graceful stop on SIGTERM
      } finally {
        if (relay) await stop(relay);
        await sandbox?.close();
      }
    }, 60_000);
  }
});
