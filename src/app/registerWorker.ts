// Registers the service worker with prompt-type updates (TOOLCHAIN.md): a waiting version is only
// offered; it takes over after the page has saved its work and asked for it.

import { registerSW } from 'virtual:pwa-register';
import type { Signal } from '@preact/signals';

const HOUR_MS = 60 * 60 * 1000;

/**
 * After the waiting version has recorded the skip, how long the page waits for it to take over
 * before reloading anyway. Chromium can park the activation: a fetch from the page that reaches the
 * outgoing worker while it is being retired restarts it, and the new worker then stays "installed"
 * (seen 1 in 10 under load). Unloading the page's last tab lets it activate, and the reload's
 * navigation waits for it — so a tap on "Update" always ends on the new version.
 */
export const PARKED_UPDATE_MS = 3000;

export type WorkerControl = { applyUpdate(saveAll: () => Promise<void>): Promise<void> };

export function registerWorker(updateWaiting: Signal<boolean>): WorkerControl {
  if (!('serviceWorker' in navigator)) return { applyUpdate: async () => undefined };
  let registered: ServiceWorkerRegistration | undefined;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateWaiting.value = true;
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      registered = registration;
      const check = () => {
        // An update check offline fails harmlessly; the next trigger tries again.
        if (navigator.onLine) void registration.update().catch(() => undefined);
      };
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
      setInterval(check, HOUR_MS);
    },
  });
  return {
    async applyUpdate(saveAll) {
      await saveAll();
      // Workbox reloads only pages that were controlled from their start; a first-visit tab
      // would stay on the old version without this (TOOLCHAIN.md).
      const reload = () => window.location.reload();
      navigator.serviceWorker.addEventListener('controllerchange', reload, { once: true });
      const waiting = registered?.waiting;
      if (!waiting) {
        await updateSW(true);
        return;
      }
      // workbox-window's messageSW resolves with the worker's answer; a version from before the
      // answer existed never answers, so the wait is bounded too.
      const { messageSW } = await import('workbox-window');
      await Promise.race([messageSW(waiting, { type: 'SKIP_WAITING' }), delay(PARKED_UPDATE_MS)]);
      setTimeout(reload, PARKED_UPDATE_MS);
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
