// Bundles a bench's page script (with the app's own modules) into one browser script with esbuild,
// minified like the production build, to run inside the app's page.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/** Where run.ts builds the app the benches serve. */
const BUILT_ASSETS = join('dist-bench', 'assets');

/**
 * Vite's `?url` imports (the PIN's Argon2 WebAssembly) as the served build names them: the page
 * fetches `/assets/argon2-<hash>.wasm`, precached, as the app's own code does.
 */
const builtAssetUrls: Plugin = {
  name: 'built-asset-urls',
  setup(bundle) {
    bundle.onResolve({ filter: /\?url$/ }, (args) => ({
      path: args.path.replace(/\?url$/, ''),
      namespace: 'built-url',
    }));
    bundle.onLoad({ filter: /.*/, namespace: 'built-url' }, (args) => {
      const stem = basename(args.path).replace(/\.[^.]+$/, '');
      const ext = args.path.slice(args.path.lastIndexOf('.'));
      const built = readdirSync(BUILT_ASSETS).find((f) => f.startsWith(`${stem}-`) && f.endsWith(ext));
      if (!built) throw new Error(`${args.path} is not in ${BUILT_ASSETS}: build the app first`);
      return { contents: `export default ${JSON.stringify(`/assets/${built}`)};`, loader: 'js' };
    });
  },
};

export async function bundleForPage(entry: URL): Promise<string> {
  const result = await build({
    plugins: [builtAssetUrls],
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
    // A script has no import.meta: `new URL(…, import.meta.url)` throws there, so code that starts a
    // worker that way (the PIN's Argon2id) takes its fallback and runs on the page's thread.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle for ${entry.pathname}`);
  return file.text;
}
