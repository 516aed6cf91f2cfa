// The directory ready at start (issue 14 item 2): reload the app holding 50,000 services, unlock,
// and as soon as Home shows open a story's picker and type; times Home → first result in the
// page's own clock, the longest main-thread task meanwhile, and a bare worker opening the index.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { passLock } from '../stories/session.ts';
import { probe } from './probeBundle.ts';

const QUERY = 'therese';
const WAIT_MS = 30_000;

export type StartSearch = {
  /** Home shown → the picker's first result (story opened, two Next, one word typed). */
  homeToResultMs: number;
  /** The first key in the picker → its first result. */
  keyToResultMs: number;
  /** Home shown → the directory answering searches (negative: it was ready before Home). */
  homeToReadyMs: number;
  /** The directory's opening (the app's marks): load asked → worker answered. */
  loadMs: number;
  /** Long main-thread tasks overlapping the directory's opening. */
  longestTaskWhileLoadingMs: number;
  /** Navigation → the picker's first result. */
  navigationToResultMs: number;
  /** The longest main-thread task between navigation and the first result (0: none ≥ 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  worker: { loadMs: number; count: number; searchMs: number };
  /** The same as homeToResultMs, at the first start after the download. */
  firstStartMs: number;
};

/**
 * Twice: the first start after the download may still find no stored index (a reload can cut the
 * worker's first build short) and builds it; the second is the everyday start that is reported.
 */
export async function timeStartSearch(page: Page, url: string, distDir: string): Promise<StartSearch> {
  const firstStart = await startAndSearch(page, url, distDir);
  return { ...(await startAndSearch(page, url, distDir)), firstStartMs: firstStart.homeToResultMs };
}

async function startAndSearch(
  page: Page,
  url: string,
  distDir: string,
): Promise<Omit<StartSearch, 'firstStartMs'>> {
  await page.goto(url);
  await passLock(page);
  await page.getByRole('button', { name: 'New story' }).click();
  const field = page.getByRole('combobox', { name: 'Find a service' });
  for (let step = 0; step < 4 && !(await field.isVisible()); step++) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await field.fill(QUERY);
  await page.getByRole('option').first().waitFor({ timeout: WAIT_MS });
  const figures = await probe(page, 'startFigures');
  const during = figures.longTasks.filter((t) => t.at < figures.optionAt);
  const whileLoading = figures.longTasks.filter(
    (t) => t.at + t.ms > figures.loadAt && t.at < figures.readyAt,
  );
  const file = readdirSync(join(distDir, 'assets')).find((f) => /^directoryWorker-.*\.js$/.test(f));
  if (!file) throw new Error('no directoryWorker chunk in the build');
  const worker = await probe(page, 'timeWorkerLoad', `${url}/assets/${file}`);
  return {
    homeToResultMs: figures.optionAt - figures.homeAt,
    keyToResultMs: figures.optionAt - figures.typedAt,
    homeToReadyMs: figures.readyAt - figures.homeAt,
    loadMs: figures.readyAt - figures.loadAt,
    longestTaskWhileLoadingMs: Math.max(0, ...whileLoading.map((t) => t.ms)),
    navigationToResultMs: figures.optionAt,
    longestTaskMs: Math.max(0, ...during.map((t) => t.ms)),
    longTasks: during.length,
    worker,
  };
}
