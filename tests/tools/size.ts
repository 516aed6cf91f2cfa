// `npm run size`: prints the gzip size of the initial JS and of the precache.
import { INITIAL_JS_BUDGET_BYTES, measureBundle } from './bundleSize.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const size = measureBundle(process.argv[2] ?? 'dist');
console.log(
  `Initial JS: ${kb(size.initialJs.gzipBytes)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)}) — ${size.initialJs.files.join(', ')}`,
);
console.log(`Precache:   ${kb(size.precache.gzipBytes)} gzip in ${size.precache.files} files`);
if (size.initialJs.gzipBytes > INITIAL_JS_BUDGET_BYTES) process.exitCode = 1;
