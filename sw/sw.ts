/// <reference lib="webworker" />
// The service worker only makes the app load without a network: it precaches the build, answers
// navigations with index.html, and waits for the page to ask before a new version takes over.
// It holds no story data and never touches API calls (ARCHITECTURE.md).
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Offline navigations get the app shell; the API, the sandbox's own pages and — when the relay
// serves the app on its origin — its admin page and health and metrics endpoints never do, so a
// "key not accepted" HTML page, a sandbox page or the admin page is never mistaken for the app.
const SERVER_PATHS = [
  /^\/api\//,
  /^\/__sandbox\//,
  /^\/app-config\.json$/,
  /^\/admin(\/|$)/,
  /^\/(healthz|readyz|metrics)$/,
];
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: SERVER_PATHS }));

// First install: take control of the page that registered us, so it works offline at once.
// An update never calls this early: it waits (below) until the page has saved its work.
clientsClaim();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    void self.skipWaiting();
  }
});
