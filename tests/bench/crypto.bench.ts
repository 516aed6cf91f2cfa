// Issue 7 §9 in Chromium: unlock time (PBKDF2-SHA-256, 600,000 iterations), and the cost of
// sealing and opening a story with 5,000 stored, using the app's own vault in the app's page.
import { startAppServer } from '../tools/appServer.ts';
import { launchBrowser } from './browser.ts';
import { bundleForPage } from './bundle.ts';
import type { CryptoProbe } from './crypto/probe.ts';
import type { Bench, BenchContext, FigureTable } from './types.ts';

const STORIES = Number(process.env.BENCH_STORIES ?? 5_000);
const PIN = '482916';
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

async function run(ctx: BenchContext): Promise<FigureTable[]> {
  const server = await startAppServer({ root: ctx.distDir });
  const browser = await launchBrowser({ chromiumPath: ctx.chromiumPath });
  try {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('Confirm PIN').fill(PIN);
    const setUpStart = Date.now();
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('button', { name: 'I have saved the code' }).waitFor();
    const setUpMs = Date.now() - setUpStart;
    await page.getByRole('button', { name: 'I have saved the code' }).click();
    ctx.log(`  sealing ${STORIES} stories with the app's key in Chromium`);
    // Through the DevTools protocol, which the page's Content Security Policy does not govern.
    await page.evaluate(await bundleForPage(new URL('./crypto/probe.ts', import.meta.url)));
    const figures = (await page.evaluate(
      ([pin, count]) =>
        (window as unknown as { cryptoBench: CryptoProbe }).cryptoBench.seedAndTime(pin, count),
      [PIN, STORIES] as const,
    )) as Awaited<ReturnType<CryptoProbe['seedAndTime']>>;
    ctx.log('  reloading: unlock in the UI until Home lists the newest stories');
    await page.reload();
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    const unlockStart = Date.now();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('button', { name: 'Lock' }).waitFor();
    const unlockUiMs = Date.now() - unlockStart;
    await page.getByText(`of ${STORIES.toLocaleString('en-GB')}`).waitFor({ timeout: 120_000 });
    const listMs = Date.now() - unlockStart;
    return [
      {
        title: `Crypto in Chromium (AES-GCM data key; PBKDF2-SHA-256 600,000 iterations; ${STORIES} stories)`,
        rows: [
          {
            figure: 'Set PIN (two PBKDF2 derivations + wraps)',
            value: ms(setUpMs),
            note: 'click → recovery code shown',
          },
          {
            figure: 'Unlock, vault only',
            value: ms(figures.unlockMs),
            note: 'PBKDF2 600k + unwrap, in page',
          },
          { figure: 'Unlock in the UI', value: ms(unlockUiMs), note: 'click "Unlock" → app shown' },
          {
            figure: `Unlock → Home lists the newest of ${STORIES}`,
            value: ms(listMs),
            note: 'opens every story for the summaries',
          },
          {
            figure: 'Story size (JSON)',
            value: `${figures.storyBytes} bytes`,
            note: '300-word story + author',
          },
          { figure: 'Seal one story p50 / p95', value: `${ms(figures.seal.p50)} / ${ms(figures.seal.p95)}` },
          { figure: `Seal all ${STORIES}`, value: ms(figures.seal.totalMs) },
          { figure: 'Open one story p50 / p95', value: `${ms(figures.open.p50)} / ${ms(figures.open.p95)}` },
          { figure: `Open all ${STORIES}`, value: ms(figures.open.totalMs) },
        ],
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}

export const cryptoBench: Bench = {
  name: 'crypto',
  summary: 'Unlock (PBKDF2 600k) and sealing/opening stories with 5,000 stored, in Chromium',
  run,
};
