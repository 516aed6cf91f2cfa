// A cold start offline on a slow device (issue 14): after one online visit (the service worker
// installed, the PIN set), each load is a fresh page, offline, with the CPU throttled 4×; timed
// from navigation to the first usable screen — the Lock screen's PIN field and "Unlock" button.
// Also the first download's size (initial JS) and the precache, from the same build.
import { startAppServer } from '../tools/appServer.ts';
import { chunkSizes, INITIAL_JS_BUDGET_BYTES, measureBundle } from '../tools/bundleSize.ts';
import { launchBrowser } from './browser.ts';
import { ms, percentile } from './format.ts';
import { passLock } from './stories/session.ts';
import type { Bench, BenchContext, FigureTable } from './types.ts';

const LOADS = 10;
const CPU_SLOWDOWN = 4;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Navigation → the Lock screen usable, in the page's own clock (timeOrigin is the navigation). */
const WATCH_LOCK = `(() => {
  const seen = () => {
    const unlock = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Unlock');
    if (!unlock || unlock.disabled) return false;
    window.__usableAt = performance.now();
    return true;
  };
  const watcher = new MutationObserver(() => { if (seen()) watcher.disconnect(); });
  watcher.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

async function coldOfflineStarts(ctx: BenchContext): Promise<number[]> {
  const server = await startAppServer({ root: ctx.distDir });
  const browser = await launchBrowser({ chromiumPath: ctx.chromiumPath, initScripts: [WATCH_LOCK] });
  try {
    const { context } = browser;
    const first = browser.page;
    await first.goto(server.url);
    await passLock(first); // sets the PIN: every later start shows the Lock screen
    await first.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await first.reload(); // this page is now controlled by the worker
    await first.evaluate(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    // The set-up tab goes (a blank one keeps the browser open): left open, its own app — its data
    // layer and directory loading — ran beside every measured start, as no iPad runs two.
    const blank = await context.newPage();
    await first.close();
    const times: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(server.url);
      await page.getByRole('button', { name: 'Unlock' }).waitFor({ timeout: 30_000 });
      await page.waitForFunction(() => (window as { __usableAt?: number }).__usableAt !== undefined);
      times.push(await page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt));
      await cdp.detach();
      await page.close();
    }
    await blank.close();
    return times;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function run(ctx: BenchContext): Promise<FigureTable[]> {
  ctx.log(`${LOADS} cold starts offline at ${CPU_SLOWDOWN}× CPU throttling`);
  const times = await coldOfflineStarts(ctx);
  const size = measureBundle(ctx.distDir);
  const chunks = chunkSizes(ctx.distDir);
  return [
    {
      title: `Cold start offline, ${CPU_SLOWDOWN}× CPU throttling, navigation → Lock screen usable`,
      rows: [
        { figure: 'first load', value: ms(times[0] ?? 0) },
        { figure: 'p50', value: ms(percentile(times, 50)), note: `${times.length} loads, goal ≤ 300 ms` },
        { figure: 'max', value: ms(Math.max(...times)) },
        {
          figure: 'Initial JS (gzip)',
          value: kb(size.initialJs.gzipBytes),
          note: `budget ${kb(INITIAL_JS_BUDGET_BYTES)}, goal ≤ 40 kB: ${size.initialJs.files.join(', ')}`,
        },
        {
          figure: 'Precache (gzip)',
          value: kb(size.precache.gzipBytes),
          note: `${size.precache.files} files`,
        },
      ],
    },
    {
      title: 'Each script, gzip (* first download)',
      rows: chunks.map(({ file, gzipBytes }) => ({
        figure: `${size.initialJs.files.includes(file) ? '* ' : '  '}${file}`,
        value: kb(gzipBytes),
      })),
    },
  ];
}

export const startupBench: Bench = {
  name: 'startup',
  summary: 'Cold offline start at 4× CPU throttling (navigation → Lock screen), initial JS and precache size',
  run,
};
