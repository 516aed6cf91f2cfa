// Bundles pageProbe.ts (with the app's search code) into one browser script with esbuild,
// minified like the production build, to add to the app's page as an init script.

import type { Page } from 'playwright-core';
import { bundleForPage } from '../bundle.ts';
import type { PageProbe } from './pageProbe.ts';

export function bundleProbe(): Promise<string> {
  return bundleForPage(new URL('./pageProbe.ts', import.meta.url));
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
