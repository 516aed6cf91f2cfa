// The sandbox's own speed: generating its invented directory (the unit test counts the services;
// the time is a figure here, so a busy machine never fails a test). Node only, a few seconds.
import { performance } from 'node:perf_hooks';
import { generateDirectory } from '../sandbox/directory.ts';
import { int, ms, percentile } from './format.ts';
import type { Bench } from './types.ts';

const SIZES = [3_000, 50_000] as const;
const RUNS = 5;

function timeGeneration(services: number): number[] {
  return Array.from({ length: RUNS }, () => {
    const start = performance.now();
    generateDirectory({ services });
    return performance.now() - start;
  });
}

export const sandboxBench: Bench = {
  name: 'sandbox',
  summary: 'the sandbox generating its directory (3,000 and 50,000 services) in Node',
  async run(ctx) {
    ctx.log(`Generating the sandbox directory, ${RUNS} runs per size — a few seconds`);
    const rows = SIZES.map((services) => {
      const times = timeGeneration(services);
      const figure = {
        figure: `${int(services)} services, median of ${RUNS}`,
        value: ms(percentile(times, 50)),
      };
      return {
        ...figure,
        note: `slowest ${ms(Math.max(...times))}${services === 50_000 ? '; goal < 2 s' : ''}`,
      };
    });
    return [{ title: 'Sandbox directory generation', rows }];
  },
};
