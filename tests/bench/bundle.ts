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
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no bundle for ${entry.pathname}`);
  return file.text;
}
