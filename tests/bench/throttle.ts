// CPU throttling that also covers the PIN's Argon2id. DevTools' Emulation.setCPUThrottlingRate
// slows only a page's target, and Chromium refuses it on a worker's target (auto-attached with
// Target.setAutoAttach, Chromium 156 answers "Operation is only supported for pages, not
// workers"; its throttler is one per renderer process, bound to the thread that set it). So at a
// rate above 1 the app is told it cannot start the Argon2id worker, and derives the key on the
// page's own thread — its tested fallback, the same WebAssembly — where the throttling applies.
// The figure is then the same work slowed as an old iPad would be, never a full-speed worker.
import type { BrowserContext, Page } from 'playwright-core';

const FLAG = 'bench:argon2-on-page';

/**
 * For launchBrowser's initScripts: while the flag is set (by `throttleCpu`), `new Worker` throws
 * for the Argon2id worker, as in a browser that cannot start one. Other workers start as usual.
 */
export const ARGON2_ON_PAGE_WHEN_THROTTLED = `(() => {
  if (localStorage.getItem('${FLAG}') !== '1') return;
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(url, options) {
      if (String(url).includes('argon2Worker')) {
        window.__argon2OnPage = true;
        throw new Error('bench: Argon2id on the throttled page');
      }
      super(url, options);
    }
  };
})();`;

export type Throttle = {
  set(rate: number): Promise<void>;
  /** Whether this load refused the Argon2id worker (so Argon2id ran on the page). */
  argon2OnPage(): Promise<boolean>;
};

/** `set(rate)`: the page's CPU slowed `rate` times, from the next load on with Argon2id on the page. */
export async function throttleCpu(context: BrowserContext, page: Page): Promise<Throttle> {
  const cdp = await context.newCDPSession(page);
  return {
    async set(rate) {
      await page.evaluate(
        ([flag, on]) => (on ? localStorage.setItem(flag, '1') : localStorage.removeItem(flag)),
        [FLAG, rate > 1] as const,
      );
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    },
    argon2OnPage: () => page.evaluate(() => (window as { __argon2OnPage?: boolean }).__argon2OnPage === true),
  };
}
