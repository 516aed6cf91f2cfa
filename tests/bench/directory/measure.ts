// Figures read from a browser holding the downloaded directory: storage used, the JS heap,
// the app reopened from IndexedDB, and the app's search timed inside the page.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startAppServer } from '../../tools/appServer.ts';
import { type BrowserSession, launchBrowser, usedHeap } from '../browser.ts';
import { int } from '../format.ts';
import { passLock } from '../stories/session.ts';
import { probe } from './probeBundle.ts';

export type StorageFigures = { usage: number; indexedDB: number | null; onDisk: number };

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let total = 0;
  for (const entry of entries) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export async function measureStorage(browser: BrowserSession): Promise<StorageFigures> {
  const estimate = await browser.page.evaluate(() => navigator.storage.estimate());
  const details = (estimate as { usageDetails?: { indexedDB?: number } }).usageDetails;
  return {
    usage: estimate.usage ?? 0,
    indexedDB: details?.indexedDB ?? null,
    onDisk: await folderBytes(join(browser.profileDir, 'Default', 'IndexedDB')),
  };
}

/** Reloads the app, unlocks it, opens Settings and times until it shows the stored count. */
export async function reopenApp(browser: BrowserSession, url: string, stored: number): Promise<number> {
  const start = performance.now();
  await browser.page.goto(url);
  await passLock(browser.page); // the PIN (PBKDF2) is part of reopening the app now
  await browser.page.getByRole('link', { name: 'Settings' }).click();
  await browser.page
    .getByText(`${int(stored)} services stored on this device`)
    .waitFor({ state: 'visible', timeout: 60_000 });
  return performance.now() - start;
}

export const appHeap = (browser: BrowserSession): Promise<number> => usedHeap(browser.context, browser.page);

/** The heap of the same app with no directory: no sandbox, so no API address and no download. */
export async function freshAppHeap(
  distDir: string,
  chromiumPath: string,
  probeScript: string,
): Promise<number> {
  const server = await startAppServer({ root: distDir, sandbox: false });
  const browser = await launchBrowser({ chromiumPath, initScripts: [probeScript] });
  try {
    await browser.page.goto(server.url);
    await passLock(browser.page);
    await browser.page.getByRole('link', { name: 'Settings' }).click();
    await browser.page.getByText('No services stored on this device yet.').waitFor({ timeout: 30_000 });
    return await appHeap(browser);
  } finally {
    await browser.close();
    await server.close();
  }
}

export type PageSearch = {
  readMs: number;
  services: number;
  buildMs: number;
  times: number[];
  sample: Record<string, string[]>;
};

export async function searchInPage(
  browser: BrowserSession,
  queries: readonly string[],
  shown: readonly string[],
): Promise<PageSearch> {
  const start = performance.now();
  const services = await probe(browser.page, 'loadServices');
  const readMs = performance.now() - start;
  const buildMs = await probe(browser.page, 'buildBenchIndex');
  const { times, sample } = await probe(browser.page, 'timeQueries', queries, shown);
  return { readMs, services, buildMs, times, sample };
}
