// Lighthouse 12.2.3 (issue 25), a first visit on a phone: its default mobile run (Moto G Power
// screen, simulated slow 4G and 4× CPU), a fresh profile each time, against the released relay —
// `npm run release`'s folder (the app precompressed, brotli and gzip, and server/relay.js) run with
// Node as DEPLOY.md runs it, its runtime packages found in this repository's node_modules. Drives
// Debian's Chromium through CHROME_PATH (Lighthouse 13 needs Node 22). Prints the median run of
// RUNS by performance score: the score, FCP, LCP, TBT, and the accessibility, best-practices and
// SEO scores. A benchmark, not a test: it never passes or fails.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { buildRelease } from '../tools/release.ts';
import { ms } from './format.ts';
import { freePort, relayProcess } from './relay/processes.ts';
import type { Bench, BenchContext, FigureTable } from './types.ts';

const RUNS = 3;
/** Inside the repository (git ignores dist-*), so server/relay.js finds the relay's packages. */
const RELEASE_DIR = 'dist-lighthouse';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

type Report = {
  categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
};

/** Lighthouse's command line, from the installed package (its `main` is core/index.js). */
function lighthouseCli(): string {
  const main = createRequire(import.meta.url).resolve('lighthouse');
  return join(dirname(dirname(main)), 'cli', 'index.js');
}

async function audit(ctx: BenchContext, url: string): Promise<Report> {
  const out = await mkdtemp(join(tmpdir(), 'lighthouse-'));
  const file = join(out, 'report.json');
  try {
    await promisify(execFile)(
      process.execPath,
      [
        lighthouseCli(),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${file}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        ...(process.env.BENCH_LIGHTHOUSE_REPORTS ? ['--save-assets'] : []),
      ],
      { env: { ...process.env, CHROME_PATH: ctx.chromiumPath }, maxBuffer: 64 * 1024 * 1024 },
    );
    const text = await readFile(file, 'utf8');
    // BENCH_LIGHTHOUSE_REPORTS=<folder>: each whole report kept there, to see where the time goes.
    const keep = process.env.BENCH_LIGHTHOUSE_REPORTS;
    if (keep) {
      const stamp = Date.now();
      await mkdir(keep, { recursive: true });
      await writeFile(join(keep, `lighthouse-${stamp}.json`), text);
      // With --save-assets: the page's trace beside the report, for DevTools' Performance panel.
      const trace = join(out, 'report-0.trace.json');
      await copyFile(trace, join(keep, `lighthouse-${stamp}.trace.json`)).catch(() => undefined);
    }
    return JSON.parse(text) as Report;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/** The released relay serving ctx.distDir, as a trust runs it (only the upstream is a stand-in). */
async function releasedRelay(ctx: BenchContext) {
  await buildRelease(RELEASE_DIR, { buildApp: false, appFrom: ctx.distDir });
  const state = await mkdtemp(join(tmpdir(), 'lighthouse-relay-'));
  const port = await freePort();
  const relay = await relayProcess(
    {
      RELAY_PUBLIC_URL: `http://127.0.0.1:${port}`,
      RELAY_ADMIN_PORT: String(await freePort()),
      RELAY_ADMIN_TOKEN: 'lighthouse-admin-token-at-least-32-characters',
      RELAY_DATABASE: `sqlite:${join(state, 'relay.db')}`,
      RELAY_STATE_DIR: state,
      // Nothing is sent during a first visit; an address on this machine that answers nothing.
      CARE_OPINION_API: 'http://127.0.0.1:9/api/v2',
      CARE_OPINION_KEY: 'lighthouse',
    },
    { entry: resolve(RELEASE_DIR, 'server/relay.js'), port },
  );
  await relay.start();
  return {
    url: `${relay.url}/`,
    async close() {
      await relay.kill();
      await rm(state, { recursive: true, force: true });
    },
  };
}

const score = (report: Report, category: (typeof CATEGORIES)[number]) =>
  String(Math.round((report.categories[category].score ?? 0) * 100));
const metric = (report: Report, id: string) => ms(report.audits[id]?.numericValue ?? Number.NaN);

async function run(ctx: BenchContext): Promise<FigureTable[]> {
  const relay = await releasedRelay(ctx);
  const reports: Report[] = [];
  try {
    const headers = (await fetch(relay.url, { headers: { 'accept-encoding': 'br, gzip' } })).headers;
    ctx.log(
      `served by the released relay at ${relay.url} (Content-Encoding: ${headers.get('content-encoding')})`,
    );
    for (let i = 0; i < RUNS; i++) {
      ctx.log(`Lighthouse run ${i + 1} of ${RUNS}`);
      reports.push(await audit(ctx, relay.url));
    }
  } finally {
    await relay.close();
  }
  const byScore = [...reports].sort(
    (a, b) => (a.categories.performance.score ?? 0) - (b.categories.performance.score ?? 0),
  );
  const median = byScore[Math.floor(byScore.length / 2)] as Report;
  const all = reports.map((r) => score(r, 'performance')).join(', ');
  return [
    {
      title: `Lighthouse 12.2.3, mobile, first visit, released relay (median of ${RUNS} by performance)`,
      rows: [
        { figure: 'performance', value: score(median, 'performance'), note: `goal ≥ 95; runs: ${all}` },
        { figure: 'FCP', value: metric(median, 'first-contentful-paint') },
        { figure: 'LCP', value: metric(median, 'largest-contentful-paint'), note: 'goal ≤ 2.5 s' },
        { figure: 'TBT', value: metric(median, 'total-blocking-time') },
        { figure: 'accessibility', value: score(median, 'accessibility'), note: 'stays 100' },
        { figure: 'best practices', value: score(median, 'best-practices'), note: 'stays 100' },
        { figure: 'SEO', value: score(median, 'seo'), note: 'stays 100' },
      ],
    },
  ];
}

export const lighthouseBench: Bench = {
  name: 'lighthouse',
  summary: 'Lighthouse 12.2.3 mobile first visit through the released relay: scores, FCP, LCP, TBT',
  run,
};
