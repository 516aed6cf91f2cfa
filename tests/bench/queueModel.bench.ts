// Issue 10: the send queue's model-based test at 10,000 runs (npm test runs 1,000): every consented
// story stored exactly once or kept refused, never two requests in flight for one story, at most 3 out
// per page, the rate limit kept, no stall, asleep offline.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Bench, FigureTable } from './types.ts';

const RUNS = Number(process.env.BENCH_MODEL_RUNS ?? 10_000);

export const queueModelBench: Bench = {
  name: 'queue-model',
  summary: `the send queue's model-based test at ${RUNS.toLocaleString('en-GB')} runs (npm test: 1,000)`,
  async run(ctx): Promise<FigureTable[]> {
    ctx.log(`  ${RUNS} runs of tests/unit/sync/queue.model.test.ts…`);
    const start = performance.now();
    const result = spawnSync(
      'node_modules/.bin/vitest',
      ['run', 'tests/unit/sync/queue.model.test.ts', '--testTimeout=3600000'],
      {
        env: { ...process.env, QUEUE_MODEL_RUNS: String(RUNS) },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const ms = performance.now() - start;
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the runner's colour codes
    const output = `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    const failure = output.match(/Counterexample: (.*)/)?.[1] ?? output.match(/(AssertionError: .*)/)?.[1];
    const counterexample = failure ? failure.slice(0, 400) : undefined;
    return [
      {
        title: `Send-queue model, ${RUNS.toLocaleString('en-GB')} runs`,
        rows: [
          {
            figure: 'result',
            value: result.status === 0 ? 'all held' : 'FAILED',
            note: counterexample ?? '',
          },
          { figure: 'time', value: `${(ms / 1000).toFixed(1)} s` },
          { figure: 'per run', value: `${(ms / RUNS).toFixed(1)} ms` },
        ],
      },
    ];
  },
};
