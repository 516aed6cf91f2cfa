// The first-load download through the real app in Chromium: serve dist-bench with the sandbox,
// open the app, and poll the app's own IndexedDB until the full directory is stored.
import { performance } from 'node:perf_hooks';
import { type AppServer, startAppServer } from '../../tools/appServer.ts';
import { type BrowserSession, launchBrowser } from '../browser.ts';
import { int } from '../format.ts';
import { passLock } from '../stories/session.ts';
import type { BenchContext } from '../types.ts';
import { probe } from './probeBundle.ts';

const POLL_MS = 500;
const REPORT_EVERY_MS = 15_000;

export type AppDownload = {
  ms: number;
  stored: number;
  requests: number;
  /** Answers by HTTP status, from the sandbox's own counters. */
  byStatus: Record<string, number>;
  server: AppServer;
  browser: BrowserSession;
};

export type AppDownloadOptions = {
  services: number;
  rate: number;
  probeScript: string;
  /** Give up after this long (the directory never completed). */
  limitMs: number;
};

export async function downloadInApp(ctx: BenchContext, options: AppDownloadOptions): Promise<AppDownload> {
  const server = await startAppServer({
    root: ctx.distDir,
    sandbox: { services: options.services, rate: options.rate },
  });
  const browser = await launchBrowser({
    chromiumPath: ctx.chromiumPath,
    initScripts: [options.probeScript],
  });
  try {
    await browser.page.goto(server.url);
    // Nothing is downloaded before the PIN is set (the data layer opens behind the lock): from then on.
    await passLock(browser.page);
    const start = performance.now();
    const stored = await waitForComplete(ctx, browser, start, options.limitMs);
    const ms = performance.now() - start;
    const byStatus = await sandboxAnswers(server);
    const requests = Object.values(byStatus).reduce((a, b) => a + b, 0);
    return { ms, stored, requests, byStatus, server, browser };
  } catch (error) {
    await browser.close();
    await server.close();
    throw error;
  }
}

/** Waits until the directory has a complete generation and no job running; returns its count. */
async function waitForComplete(
  ctx: BenchContext,
  browser: BrowserSession,
  start: number,
  limitMs: number,
): Promise<number> {
  let lastReport = start;
  for (;;) {
    const meta = await probe(browser.page, 'readMeta');
    const now = performance.now();
    if (meta && meta.fetched === null && meta.count > 0) return meta.count;
    if (now - start > limitMs) {
      throw new Error(
        `the directory was not complete after ${Math.round(limitMs / 1000)} s: ${JSON.stringify(meta)}`,
      );
    }
    if (now - lastReport >= REPORT_EVERY_MS) {
      lastReport = now;
      const total = meta?.total ? ` of about ${int(meta.total)}` : '';
      ctx.log(`  … ${int(meta?.fetched ?? 0)}${total} stored after ${Math.round((now - start) / 1000)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function sandboxAnswers(server: AppServer): Promise<Record<string, number>> {
  const res = await fetch(`${server.url}/__sandbox/stats`);
  const stats = (await res.json()) as { requests?: Record<string, number> };
  return stats.requests ?? {};
}
