// `npm run size`: prints the gzip size of the initial JS and of the precache.
import { chunkSizes, INITIAL_JS_BUDGET_BYTES, measureBundle } from './bundleSize.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const dist = process.argv[2] ?? 'dist';
const size = measureBundle(dist);
console.log(
  `Initial JS: ${kb(size.initialJs.gzipBytes)} gzip (budget ${kb(INITIAL_JS_BUDGET_BYTES)}) — ${size.initialJs.files.join(', ')}`,
);
console.log(`Precache:   ${kb(size.precache.gzipBytes)} gzip in ${size.precache.files} files`);
console.log('Each script (gzip), first load marked *:');
for (const { file, gzipBytes } of chunkSizes(dist)) {
  const first = size.initialJs.files.includes(file) ? '*' : ' ';
  console.log(`  ${first} ${kb(gzipBytes).padStart(8)}  ${file}`);
}
if (size.initialJs.gzipBytes > INITIAL_JS_BUDGET_BYTES) process.exitCode = 1;
