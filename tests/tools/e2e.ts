// `npm run test:e2e`: find (or install) Chromium, build the app twice (the second build is the
// "new version" for the update test), then run Playwright against the built app.
import { spawnSync } from 'node:child_process';
import { CHROMIUM_ENV, ensureChromium } from './chromium.ts';

const chromium = ensureChromium();
console.log(`Chromium: ${chromium}`);

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const vite = 'node_modules/.bin/vite';
run(vite, ['build', '--logLevel', 'warn'], { BUILD_ID: 'e2e-1', OUT_DIR: 'dist' });
run(vite, ['build', '--logLevel', 'warn'], { BUILD_ID: 'e2e-2', OUT_DIR: 'dist-next' });
run('node_modules/.bin/playwright', ['test', ...process.argv.slice(2)], {
  [CHROMIUM_ENV]: chromium,
  PLAYWRIGHT_TRANSFORM_CACHE_DIR: 'node_modules/.cache/playwright-transform',
});
