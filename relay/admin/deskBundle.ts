// The posting desk's script (desk/deskPage.ts, with the app's shared TypeScript and hash-wasm) as
// one ES module for the browser, bundled by esbuild. `npm run release` writes it beside the admin
// page's other files (server/assets/desk.js), so a release needs no esbuild; in the repository
// (`npm run relay`, `npm start`, the tests) page.ts bundles it in memory the first time it is asked
// for, here — esbuild is a devDependency, so it is imported only then.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

export const DESK_ENTRY = fileURLToPath(new URL('./desk/deskPage.ts', import.meta.url));

export const DESK_BUILD: BuildOptions = {
  entryPoints: [DESK_ENTRY],
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome111', 'firefox115', 'safari16'],
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
};

/** The bundled script as text (nothing written). */
export async function bundleDesk(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({ ...DESK_BUILD, write: false, outfile: 'desk.js' });
  const file = result.outputFiles?.[0];
  if (!file) throw new Error('esbuild wrote no desk script');
  return file.text;
}

/** Writes the bundled script to `outfile` (the release). */
export async function writeDeskBundle(outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  await build({ ...DESK_BUILD, outfile });
}
