// Starts the benchmark's sandbox Care Opinion in its own process (upstreamServer.ts) and reads
// back when story posts arrived, to find the most requests in any one second.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SandboxOptions } from '../../sandbox/sandbox.ts';

export type BenchUpstream = {
  url: string;
  origin: string;
  arrivals(): Promise<number[]>;
  close(): Promise<void>;
};

export async function startBenchUpstream(options: SandboxOptions): Promise<BenchUpstream> {
  // Node itself with tsx's loader: one process, so stopping it stops the sandbox.
  const server = 'tests/bench/relay/upstreamServer.ts';
  const child = spawn(process.execPath, ['--import', 'tsx', server, JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const origin = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}`)));
  });
  lines.close();
  return {
    url: `${origin}/api/v2`,
    origin,
    arrivals: async () => (await (await fetch(`${origin}/__bench/arrivals`)).json()) as number[],
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The most arrivals within any one-second window. */
export function maxInAnySecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while ((sorted[j] as number) - (sorted[i] as number) >= 1000) i++;
    best = Math.max(best, j - i + 1);
  }
  return best;
}
