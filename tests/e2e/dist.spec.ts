// Checks of the build output itself: the worker, what it precaches, and the size budget.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtScripts, INITIAL_JS_BUDGET_BYTES, measureBundle, precachedFiles } from '../tools/bundleSize.ts';
import { DIST, expect, test } from './fixtures.ts';

test('the build has a service worker that precaches the shell and every lazy chunk', () => {
  expect(existsSync(join(DIST, 'sw.js'))).toBe(true);
  const precached = precachedFiles(DIST);
  expect(precached).toContain('index.html');
  expect(precached.some((f) => /^assets\/Settings-.*\.js$/.test(f))).toBe(true);
  expect(precached).toContain('manifest.webmanifest');
  expect(precached.filter((f) => f === 'manifest.webmanifest')).toHaveLength(1);
  expect(precached).not.toContain('app-config.json');
  expect(existsSync(join(DIST, 'app-config.json'))).toBe(false); // the build ships none
  for (const file of precached) expect(existsSync(join(DIST, file)), file).toBe(true);
  expect(readFileSync(join(DIST, 'index.html'), 'utf8')).toContain('apple-touch-icon');
  // Every script loaded later (screens, the data layer, the directory worker) works offline.
  for (const script of builtScripts(DIST)) expect(precached, script).toContain(script);
});

test(`the initial JS stays within ${INITIAL_JS_BUDGET_BYTES / 1024} kB gzip`, () => {
  const size = measureBundle(DIST);
  expect(size.initialJs.files.length).toBeGreaterThan(0);
  expect(size.initialJs.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
});
