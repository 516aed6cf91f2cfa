// Issue 6 §7: 200 stories through the sandbox at its real 5 per second, with no faults and with the
// fault script, by our send queue and by workbox-background-sync's Queue. One table, figures only.
import { startSandboxServer } from '../sandbox/server.ts';
import { countRun, type Faults, makeStories, type RunFigures, resetSandbox } from './queue/common.ts';
import { type OursResult, runOurs } from './queue/ours.ts';
import { queueTable, type Row } from './queue/report.ts';
import { STALL_MS } from './queue/watch.ts';
import { REPLAY_EVERY_MS, runWorkbox } from './queue/workbox.ts';
import type { Bench, BenchContext, FigureTable } from './types.ts';

const STORIES = Number(process.env.BENCH_QUEUE_STORIES ?? 200);
const RATE = 5;
const IDEAL_MS = (STORIES / RATE) * 1000;
/** Each run stops here and is reported "not by cap". */
const CAP_MS = 6 * 60_000;
const NO_FAULTS: Faults = {};
const FAULT_SCRIPT: Faults = { error5xx: 0.2, commitThenDrop: 0.1, hang: 0.05, rate429: 0.1, seed: 1 };

async function attempt(ctx: BenchContext, label: string, work: () => Promise<RunFigures>): Promise<Row> {
  ctx.log(`  ${label}…`);
  try {
    const outcome = await work();
    const drained =
      outcome.drainMs === null ? 'not drained by the cap' : `${(outcome.drainMs / 1000).toFixed(1)} s`;
    ctx.log(`    ${drained}, ${outcome.stored} stored, ${outcome.requests} requests`);
    return { label, outcome };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? String(error);
    ctx.log(`  ! ${label} failed: ${message}`);
    return { label, outcome: { failed: message } };
  }
}

function oursNote(r: OursResult): string {
  const parts = [`timer fired ${r.timerFires}×`];
  if (r.needsAttention > 0) parts.unshift(`${r.needsAttention} needs attention`);
  if (r.stalls.length > 0) {
    const shown = r.stalls.slice(0, 8).map((ms) => `${(ms / 1000).toFixed(0)} s`);
    const at = r.stalls.length > shown.length ? `${shown.join(', ')}, …` : shown.join(', ');
    parts.push(
      `STALLED ${r.stalls.length}× (no timer, nothing in flight; the lost timer fired by the bench after ${STALL_MS / 1000} s) at ${at}`,
    );
  }
  return parts.join(' · ');
}

async function run(ctx: BenchContext): Promise<FigureTable[]> {
  const server = await startSandboxServer({ rate: RATE });
  const rows: Row[] = [];
  try {
    for (const [script, faults] of [
      ['no faults', NO_FAULTS],
      ['fault script', FAULT_SCRIPT],
    ] as const) {
      rows.push(
        await attempt(ctx, `ours, ${script}`, async () => {
          const stories = makeStories(STORIES);
          await resetSandbox(server.origin, faults);
          const r = await runOurs(server.url, stories, CAP_MS);
          const figures = await countRun(server.origin, stories, r.drainMs);
          return { ...figures, note: oursNote(r) };
        }),
      );
      rows.push(
        await attempt(ctx, `workbox Queue, ${script}`, async () => {
          const stories = makeStories(STORIES);
          await resetSandbox(server.origin, faults);
          const r = await runWorkbox(server.url, stories, { idempotencyKeys: true, capMs: CAP_MS });
          return { ...(await countRun(server.origin, stories, r.drainMs)), note: `${r.replays} replays` };
        }),
      );
    }
    rows.push(
      await attempt(ctx, 'workbox Queue, fault script, no Idempotency-Key', async () => {
        const stories = makeStories(STORIES);
        await resetSandbox(server.origin, FAULT_SCRIPT);
        const r = await runWorkbox(server.url, stories, { idempotencyKeys: false, capMs: CAP_MS });
        return { ...(await countRun(server.origin, stories, r.drainMs)), note: `${r.replays} replays` };
      }),
    );
  } finally {
    await server.close();
  }
  const title =
    `Send queue: ${STORIES} stories, sandbox at ${RATE}/s (ideal ${IDEAL_MS / 1000} s), ` +
    `fault script ${JSON.stringify(FAULT_SCRIPT)}, request timeout 3 s (app: 30 s), ` +
    `workbox replayed every ${REPLAY_EVERY_MS / 1000} s`;
  return [queueTable(title, rows, IDEAL_MS)];
}

export const queueBench: Bench = {
  name: 'queue',
  summary: '200 stories at the sandbox 5/s, no faults and fault script: ours vs workbox-background-sync',
  run,
};
