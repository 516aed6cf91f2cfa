// `npm run bench [-- name…]`: finds Chromium, builds the app once into dist-bench, runs the chosen
// benchmarks (all by default) and prints each one's figures. No pass/fail; exit 1 only on a crash.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { ensureChromium } from '../tools/chromium.ts';
import { formatTable, sec } from './format.ts';
import { BENCHES } from './registry.ts';
import type { Bench, BenchContext } from './types.ts';

const DIST = 'dist-bench';

function choose(args: readonly string[]): Bench[] {
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) return [...BENCHES];
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length > 0) {
    console.error(
      `Unknown benchmark: ${unknown.join(', ')}. Known: ${BENCHES.map((b) => b.name).join(', ')}`,
    );
    process.exit(2);
  }
  return BENCHES.filter((b) => names.includes(b.name));
}

function build(): void {
  console.log(`Building the app into ${DIST} (vite build, BUILD_ID=bench)…`);
  const result = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, OUT_DIR: DIST, BUILD_ID: 'bench' },
  });
  if (result.status !== 0) {
    console.error('vite build failed; no benchmark was run.');
    process.exit(result.status ?? 1);
  }
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--list')) {
    for (const b of BENCHES) console.log(`${b.name.padEnd(14)} ${b.summary}`);
    return 0;
  }
  const chosen = choose(args);
  const chromiumPath = ensureChromium();
  console.log(`Chromium: ${chromiumPath}`);
  build();
  const ctx: BenchContext = { chromiumPath, distDir: DIST, log: (line) => console.log(line) };
  let crashed = 0;
  for (const bench of chosen) {
    console.log(`\n== ${bench.name}: ${bench.summary}`);
    const start = performance.now();
    try {
      const tables = await bench.run(ctx);
      console.log(`(${bench.name} took ${sec(performance.now() - start)})\n`);
      for (const table of tables) console.log(formatTable(table));
    } catch (error) {
      crashed++;
      console.error(`${bench.name} crashed:`, error);
    }
  }
  return crashed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
