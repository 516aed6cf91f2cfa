// Shared e2e fixtures: each test gets its own app server (built app + sandbox) on a free port.
import { test as base, expect, type Page } from '@playwright/test';
import { type AppServer, startAppServer } from '../tools/appServer.ts';
import { CONTROLS as C, locate } from '../tools/controls.ts';

export const DIST = 'dist';
export const DIST_NEXT = 'dist-next';

/** The PIN every e2e test sets on first use. */
export const PIN = '482916';

const handled = new WeakSet<Page>();
const recoveryCodes = new WeakMap<Page, string>();

/** The recovery code shown when the PIN was set in this page (Settings asks for it to change where stories go). */
export function recoveryCodeOf(page: Page): string {
  const code = recoveryCodes.get(page);
  if (code === undefined) throw new Error('no PIN was set in this page');
  return code;
}

/**
 * Most tests are not about the lock: whenever the PIN set-up or the Lock screen shows (first use,
 * every reload), set or type the PIN and carry on. Lock tests turn this off (`autoUnlock: false`).
 */
export async function handleLock(page: Page): Promise<void> {
  if (handled.has(page)) return;
  handled.add(page);
  // The lock's words come from the table the WebKit suite uses too (tests/tools/controls.ts).
  await page.addLocatorHandler(locate(page, C.setPin), async () => {
    await locate(page, C.choosePin).fill(PIN);
    await locate(page, C.confirmPin).fill(PIN);
    await locate(page, C.setPin).click();
    const code = page.getByText(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    recoveryCodes.set(page, (await code.textContent())?.trim() ?? '');
    await locate(page, C.savedCode).click();
  });
  await page.addLocatorHandler(locate(page, C.unlock), async () => {
    await locate(page, C.pin).fill(PIN);
    await locate(page, C.unlock).click();
  });
}

export const test = base.extend<{ app: AppServer; autoUnlock: boolean; services: number }>({
  autoUnlock: [true, { option: true }],
  /**
   * The sandbox's directory size. 300 (3 pages) unless a test is about the download: at Care
   * Opinion's 5 requests a second the default 3,000 took every test about 6 s of waiting.
   */
  services: [300, { option: true }],
  context: async ({ context, autoUnlock }, use) => {
    if (autoUnlock) context.on('page', (page) => void handleLock(page));
    await use(context);
  },
  page: async ({ page, autoUnlock }, use) => {
    if (autoUnlock) await handleLock(page);
    await use(page);
  },
  app: async ({ services }, use) => {
    const server = await startAppServer({ root: DIST, sandbox: { services } });
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
 * Console errors and uncaught exceptions the page reports. Chromium also logs every request that
 * fails or gets a 4xx/5xx answer ("Failed to load resource"): offline, or the sandbox's 429 when
 * another test shares its limit. The app expects those (it reads the answer and tries again), so
 * they are not errors of the page.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/^Failed to load resource/.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
