// Registers the service worker with prompt-type updates (TOOLCHAIN.md): a waiting version is only
// offered; it takes over after the page has saved its work and asked for it.

import { registerSW } from 'virtual:pwa-register';
import type { Signal } from '@preact/signals';

const HOUR_MS = 60 * 60 * 1000;

export type WorkerControl = { applyUpdate(saveAll: () => Promise<void>): Promise<void> };

export function registerWorker(updateWaiting: Signal<boolean>): WorkerControl {
  if (!('serviceWorker' in navigator)) return { applyUpdate: async () => undefined };
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      updateWaiting.value = true;
    },
    onRegisteredSW(_url, registration) {
      if (!registration) return;
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
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
        once: true,
      });
      await updateSW(true);
    },
  };
}
