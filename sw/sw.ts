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
// One list, in URLPattern's pathname syntax (`*` is any run of characters).
const SERVER_PATHS = [
  '/api/*',
  '/__sandbox/*',
  '/app-config.json',
  '/admin',
  '/admin/*',
  '/healthz',
  '/readyz',
  '/metrics',
];
const serverPath = (pattern: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}(\\?.*)?$`);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: SERVER_PATHS.map(serverPath) }),
);

// Where the browser has static routing (Chromium; feature-detected), the page's calls to the
// server and to other origins never wake this worker: they cost no worker start-up, and they cannot
// park an update — a call reaching the outgoing worker while it is retired restarts it, and the
// new version then waits in "installed" (src/app/registerWorker.ts). Each set of routes is
// optional: a browser that refuses one must not fail the install.
type RouterRule = { condition: Record<string, unknown>; source: 'network' };
type RoutingInstallEvent = ExtendableEvent & { addRoutes?: (rules: RouterRule[]) => Promise<void> };
self.addEventListener('install', (event) => {
  const routing = event as RoutingInstallEvent;
  if (!routing.addRoutes) return;
  const add = async (rules: RouterRule[]) => {
    try {
      await routing.addRoutes?.call(routing, rules);
    } catch {
      // Refused (an older Chromium without `not`): those calls reach the fetch handler, as before.
    }
  };
  event.waitUntil(
    Promise.all([
      add(SERVER_PATHS.map((urlPattern) => ({ condition: { urlPattern }, source: 'network' }))),
      add([{ condition: { not: { urlPattern: '/*' } }, source: 'network' }]),
    ]),
  );
});

// First install: take control of the page that registered us, so it works offline at once.
// An update never calls this early: it waits (below) until the page has saved its work.
clientsClaim();

// The page asks once its work is saved. The answer on the message's port tells it the skip is
// recorded, so it can reload if the browser then parks the activation (src/app/registerWorker.ts).
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const data: unknown = event.data;
  if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING') {
    event.waitUntil(self.skipWaiting().then(() => event.ports[0]?.postMessage({ type: 'SKIPPING' })));
  }
});
