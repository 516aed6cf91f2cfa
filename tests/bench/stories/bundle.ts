// Bundles the stories probe into one browser script with esbuild, and calls it from Node.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { StoriesProbe } from './probe.ts';

export async function bundleStoriesProbe(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./probe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no bundle for the stories probe');
  return file.text;
}

type ProbeWindow = { storiesBench: StoriesProbe };

/** Calls one probe function in the page; arguments must be JSON-serialisable. */
export function call<K extends keyof StoriesProbe>(
  page: Page,
  name: K,
  ...args: Parameters<StoriesProbe[K]>
): Promise<Awaited<ReturnType<StoriesProbe[K]>>> {
  return page.evaluate(
    ([fn, rest]) => {
      const target = (window as unknown as ProbeWindow).storiesBench[fn] as (...a: unknown[]) => unknown;
      return target(...rest);
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<StoriesProbe[K]>>>;
}
