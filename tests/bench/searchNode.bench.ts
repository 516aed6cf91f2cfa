// The Node search bench (search.bench.ts) as a runner module: the search's own speed, no browser.
import { int, mb, ms } from './format.ts';
import { runSearchBench } from './search.bench.ts';
import type { Bench } from './types.ts';

export const searchNodeBench: Bench = {
  name: 'search-node',
  summary: 'searchServices per keystroke in Node over 50,000 invented services (no browser)',
  async run(ctx) {
    ctx.log('Search in Node over 50,000 invented services — a few seconds');
    const f = await runSearchBench();
    return [
      {
        title: `Service search in Node (${int(f.services)} invented services, in-memory index)`,
        rows: [
          { figure: 'Build index', value: ms(f.buildIndexMs) },
          { figure: 'Index size', value: mb(f.indexBytes), note: 'typed arrays + strings (UTF-16)' },
          {
            figure: 'Per keystroke p50',
            value: ms(f.p50Ms),
            note: `${int(f.keystrokes)} keystrokes, typo queries included`,
          },
          { figure: 'Per keystroke p95', value: ms(f.p95Ms), note: 'goal ≤ 30 ms (in Chromium)' },
          { figure: 'Per keystroke max', value: ms(f.maxMs) },
          {
            figure: 'Typo queries p95',
            value: ms(f.typoP95Ms),
            note: `${int(f.typoKeystrokes)} keystrokes; max ${ms(f.typoMaxMs)}`,
          },
          {
            figure: 'Typo queries finding their service',
            value: `${int(f.typoFound)} of ${int(f.typoQueries)}`,
            note: 'one edit in a word of ≥ 5 letters',
          },
        ],
      },
    ];
  },
};
