// The app in Chromium with 5,000 stories on the device: serve dist-bench with the sandbox (a small
// directory, so its download is over at once), set the PIN on first use, seed the rows, reload,
// unlock, and wait until the app has sealed the seeded rows (they were written in the clear).
import { performance } from 'node:perf_hooks';
import type { Page } from 'playwright-core';
import { type AppServer, startAppServer } from '../../tools/appServer.ts';
import { type BrowserSession, launchBrowser } from '../browser.ts';
import type { BenchContext } from '../types.ts';
import { call } from './bundle.ts';
import type { SeedCounts, SeedPlan } from './seedProbe.ts';
import { EXPECTED_KEY } from './watchProbe.ts';

export const PIN = '482916';
const WAIT_MS = 60_000;
const SEAL_LIMIT_MS = 300_000;

export type Seeded = {
  server: AppServer;
  browser: BrowserSession;
  counts: SeedCounts;
  /** Rows on Home: stories plus receipts. */
  rows: number;
  /** How long the app took to seal the seeded rows after the unlock; null if it never sealed them. */
  sealMs: number | null;
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

async function waitSealed(ctx: BenchContext, page: Page): Promise<number | null> {
  const start = performance.now();
  let last = -1;
  let sameSince = start;
  for (;;) {
    const { plain } = await call(page, 'countPlain');
    const now = performance.now();
    if (plain === 0) return now - start;
    if (plain !== last) sameSince = now;
    last = plain;
    // Nothing sealed for 10 s: this build keeps story rows in the clear.
    if (now - sameSince > 10_000 || now - start > SEAL_LIMIT_MS) return null;
    if (Math.round(now - start) % 15_000 < 500) ctx.log(`  … ${plain} rows still in the clear`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function seededApp(ctx: BenchContext, probe: string, plan: SeedPlan): Promise<Seeded> {
  const server = await startAppServer({ root: ctx.distDir, sandbox: { services: 100 } });
  const browser = await launchBrowser({ chromiumPath: ctx.chromiumPath, initScripts: [probe] });
  try {
    const { page } = browser;
    await page.goto(server.url);
    const locked = await passLock(page);
    const counts = await call(page, 'seed', plan);
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
    const sealMs = await waitSealed(ctx, page);
    return { server, browser, counts, rows, sealMs, locked };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}
