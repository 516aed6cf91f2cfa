// Build of the page and its service worker. Each non-default choice says why.
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { connectOrigins, metaContentSecurityPolicy } from './tests/tools/headers.ts';

// A build id lets the update e2e test build two distinguishable versions into two folders.
const BUILD_ID = process.env.BUILD_ID ?? new Date().toISOString();

// Where the page may connect when its host sends no headers (index.html's meta policy): itself,
// CONNECT_ORIGINS (https origins; by default Care Opinion's regional API origins, from the regions
// table) and a relay or sandbox on this machine. Fails closed: no other https: origin. A relay on
// another origin must be named here AND in the headers (README, "Deploying").
const CONNECT_ORIGINS = connectOrigins(process.env.CONNECT_ORIGINS);

/** Fills index.html's Content-Security-Policy meta tag from tests/tools/headers.ts. */
function metaPolicy(origins: readonly string[]): Plugin {
  const tag = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;
  return {
    name: 'story-collector:meta-policy',
    transformIndexHtml(html) {
      // A page without the policy would fail open: stop the build instead.
      if (!tag.test(html)) throw new Error('index.html has no Content-Security-Policy meta tag to fill');
      return html.replace(
        tag,
        (_, open: string, close: string) => `${open}${metaContentSecurityPolicy(origins)}${close}`,
      );
    },
  };
}

export default defineConfig({
  define: { __BUILD_ID__: JSON.stringify(BUILD_ID) },
  build: {
    outDir: process.env.OUT_DIR ?? 'dist',
    // iPadOS 16.4+ Safari: modern syntax, no legacy bundle.
    target: 'es2022',
    sourcemap: false,
    // The first download (index.html) keeps its modulepreload links, but a dynamic import adds none:
    // each added <link rel=modulepreload> costs the main thread up to 60 ms at 4× CPU before the
    // Lock screen is drawn (issue 25), and the service worker serves the modules the import then
    // asks for in a few milliseconds each.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
  // The directory worker (src/app/directory/worker/directoryWorker.ts) is a module worker, as it is created.
  worker: { format: 'es' },
  plugins: [
    preact(),
    metaPolicy(CONNECT_ORIGINS),
    VitePWA({
      // Our own worker (sw/sw.ts) instead of a generated one: we need the navigation denylist and
      // an update that waits for the page to ask (ARCHITECTURE.md, "Service worker and updates").
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      // Never reload a page with a half-told story: the page decides when to update.
      registerType: 'prompt',
      // The composition root registers the worker itself (src/app/registerWorker.ts).
      injectRegister: false,
      manifest: {
        name: 'Story Collector',
        short_name: 'Stories',
        description: 'Take a patient or carer story face to face and send it to Care Opinion with consent.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1d4f91',
        background_color: '#ffffff',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // webmanifest is added by the plugin itself; listing it here would precache it twice.
        // Lazy chunks (story steps, settings, word lists) are precached so they work offline.
        globPatterns: ['**/*.{js,css,html,png,svg,ico,txt,wasm}'],
        // app-config.json is per deployment and must always be fetched fresh.
        globIgnores: ['**/app-config.json'],
      },
      devOptions: { enabled: false },
    }),
  ],
});
