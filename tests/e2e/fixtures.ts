// Shared e2e fixtures: each test gets its own app server (built app + sandbox) on a free port.
import { test as base, expect, type Page } from '@playwright/test';
import { type AppServer, startAppServer } from '../tools/appServer.ts';

export const DIST = 'dist';
export const DIST_NEXT = 'dist-next';

export const test = base.extend<{ app: AppServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  app: async ({}, use) => {
    const server = await startAppServer({ root: DIST });
    await use(server);
    await server.close();
  },
});

export { expect };

/** Waits until the service worker controls the page: only then does an offline reload work. */
export async function waitForControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/**
 * Console errors and uncaught exceptions the page reports. Chromium also logs each request that
 * fails because the device is offline; the app expects those (it tries, and tries again later).
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/net::ERR_INTERNET_DISCONNECTED/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
