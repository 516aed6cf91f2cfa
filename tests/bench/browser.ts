// Chromium for the benchmarks: the e2e launch flags (playwright.config.ts), the iPad-landscape
// viewport, a fresh on-disk profile per run (so IndexedDB lives on disk as on a device).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import config from '../../playwright.config.ts';

export const VIEWPORT = { width: 1024, height: 768 };

export type BrowserSession = {
  context: BrowserContext;
  page: Page;
  /** The profile folder (IndexedDB is under Default/IndexedDB). */
  profileDir: string;
  close(): Promise<void>;
};

export type LaunchOptions = {
  chromiumPath: string;
  /** Scripts run in every page before the app's own (e.g. a bundled bench probe). */
  initScripts?: readonly string[];
};

export async function launchBrowser(options: LaunchOptions): Promise<BrowserSession> {
  const profileDir = await mkdtemp(join(tmpdir(), 'story-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: options.chromiumPath,
    headless: true,
    args: [...(config.use?.launchOptions?.args ?? [])],
    viewport: VIEWPORT,
    serviceWorkers: 'allow',
  });
  for (const content of options.initScripts ?? []) await context.addInitScript({ content });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    profileDir,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** The page's JS heap after a full garbage collection, in bytes (DevTools protocol). */
export async function usedHeap(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}
