// `npm run test:webkit`: the core flows in WebKit (issue 20). Finds or installs Debian's
// WebKitGTK WebDriver, Xvfb and xauth (as root, like chromium.ts; never a browser download),
// builds the app when dist/ is missing or older than its sources, then runs tests/webkit/run.ts in
// a network namespace of its own (`unshare -n`: offline is a real missing route) under `xvfb-run`.
// The last line is always "N passed, M failed". With `--screens` it saves each screen as a PNG instead.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianTool, isRoot, MissingTool } from './debian.ts';

/** `--screens`: save a PNG of each screen instead of running the flows (`npm run screens:webkit`). */
const SCREENS = process.argv.includes('--screens');
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const NEEDED = [
  '/usr/bin/WebKitWebDriver',
  MINIBROWSER,
  '/usr/bin/xvfb-run',
  '/usr/bin/Xvfb',
  '/usr/bin/xauth',
];
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends webkit2gtk-driver xvfb xauth';

function fail(message: string): never {
  console.error(message);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!isRoot())
  fail(
    'The WebKit flows go offline by running the browser in a network namespace of its own, which needs root. Run:\n\n  sudo npm run test:webkit',
  );
try {
  ensureDebianTool({
    what: 'WebKitGTK WebDriver with Xvfb for the WebKit tests',
    install: INSTALL,
    find: () => (NEEDED.every((path) => existsSync(path)) ? true : null),
  });
} catch (error) {
  if (error instanceof MissingTool) fail(error.message);
  throw error;
}

/** The newest modification time under `path` (files only). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

const sources = Math.max(
  ...['src', 'sw', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map(newest),
);
if (
  !existsSync('dist/index.html') ||
  !existsSync('dist/sw.js') ||
  statSync('dist/index.html').mtimeMs < sources
) {
  console.log('Building the app for the WebKit flows (dist/ is missing or older than its sources)…');
  await new Promise<void>((ok) => {
    const build = spawn('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, BUILD_ID: process.env.BUILD_ID ?? 'webkit', OUT_DIR: 'dist' },
    });
    build.on('exit', (code) => (code === 0 ? ok() : fail('The build failed.')));
  });
}

// Output passes through as it comes; the child's own summary is the last line, or one is made.
const child = spawn(
  'unshare',
  [
    '--net',
    'xvfb-run',
    '-a',
    '-s',
    '-screen 0 1280x1400x24',
    'node_modules/.bin/tsx',
    SCREENS ? 'tests/webkit/screens.ts' : 'tests/webkit/run.ts',
    ...process.argv.slice(2).filter((arg) => arg !== '--screens'),
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, WEBKIT_PARENT_NETNS: readlinkSync('/proc/self/ns/net') },
  },
);
let last = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const lines = chunk.toString().trim().split('\n');
  last = lines[lines.length - 1] ?? last;
});
child.on('exit', (code) => {
  if (SCREENS) process.exit(code ?? 1);
  if (!/^\d+ passed, \d+ failed$/.test(last.trim())) {
    console.error(`The WebKit suite stopped (exit ${code}) before its summary.`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  process.exit(code ?? 1);
});
