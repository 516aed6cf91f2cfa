// Bundles pageProbe.ts (with the app's search code) into one browser script with esbuild,
// minified like the production build, to add to the app's page as an init script.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { PageProbe } from './pageProbe.ts';

export async function bundleProbe(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./pageProbe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for the page probe');
  return file.text;
}

type ProbeWindow = { storyBench: PageProbe };

/** Calls one probe function in the page; arguments must be JSON-serialisable. */
export function probe<K extends keyof PageProbe>(
  page: Page,
  name: K,
  ...args: Parameters<PageProbe[K]>
): Promise<Awaited<ReturnType<PageProbe[K]>>> {
  return page.evaluate(
    ([fn, rest]) => {
      const target = (window as unknown as ProbeWindow).storyBench[fn] as (...a: unknown[]) => unknown;
      return target(...rest);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<PageProbe[K]>>>;
}
