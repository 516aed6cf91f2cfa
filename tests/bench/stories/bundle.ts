// Bundles the stories probe into one browser script with esbuild, and calls it from Node.

import type { Page } from 'playwright-core';
import { bundleForPage } from '../bundle.ts';
import type { StoriesProbe } from './probe.ts';

export function bundleStoriesProbe(): Promise<string> {
  return bundleForPage(new URL('./probe.ts', import.meta.url));
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
