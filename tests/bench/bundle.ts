// Bundles a bench's page script (with the app's own modules) into one browser script with esbuild,
// minified like the production build, to run inside the app's page.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function bundleForPage(entry: URL): Promise<string> {
  const result = await build({
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
