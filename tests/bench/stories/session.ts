import type { Page } from 'playwright-core';
import { type AppServer, startAppServer } from '../../tools/appServer.ts';
import { type BrowserSession, launchBrowser } from '../browser.ts';
import type { BenchContext } from '../types.ts';
import { call } from './bundle.ts';
import type { SeedCounts, SeedPlan } from './seedProbe.ts';
import { EXPECTED_KEY } from './watchProbe.ts';

export const PIN = '482916';
const WAIT_MS = 60_000;

export type Seeded = {
  server: AppServer;
  browser: BrowserSession;
  counts: SeedCounts;
  /** Rows on Home: stories plus receipts. */
  rows: number;
  locked: boolean;
};

/** Waits for Home, the PIN set-up or the Lock screen, and gets past the lock. True if there was one. */
export async function passLock(page: Page): Promise<boolean> {
  const home = page.getByRole('button', { name: 'New story' });
  const setPin = page.getByRole('button', { name: 'Set PIN' });
  const unlock = page.getByRole('button', { name: 'Unlock' });
  await home.or(setPin).or(unlock).first().waitFor({ timeout: WAIT_MS });
  if (await setPin.isVisible()) {
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('Confirm PIN').fill(PIN);
    await setPin.click();
    await page.getByRole('button', { name: 'I have saved the code' }).click({ timeout: WAIT_MS });
  } else if (await unlock.isVisible()) {
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await unlock.click();
  } else return false;
  await home.waitFor({ timeout: WAIT_MS });
  return true;
}

export async function seededApp(ctx: BenchContext, probe: string, plan: SeedPlan): Promise<Seeded> {
  const server = await startAppServer({ root: ctx.distDir, sandbox: { services: 100 } });
  const browser = await launchBrowser({ chromiumPath: ctx.chromiumPath, initScripts: [probe] });
  try {
    const { page } = browser;
    await page.goto(server.url);
    const locked = await passLock(page);
    const counts = await call(page, 'seed', { ...plan, pin: PIN });
    const rows = counts.stories + counts.receipts;
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
      EXPECTED_KEY,
      String(rows),
    ] as const);
    ctx.log(
      `  seeded ${counts.stories} stories (${counts.outbox} needing attention), ${counts.receipts} receipts`,
    );
    await page.reload();
    await passLock(page);
    return { server, browser, counts, rows, locked };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}
