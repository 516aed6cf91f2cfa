// Everything one sandbox instance holds, passed to each route; built once by createSandbox.
import type { ServerResponse } from 'node:http';
import type { HealthService } from './directory.ts';
import type { FaultSource } from './faults.ts';
import type { Hold } from './hold.ts';
import type { IdempotencyStore } from './idempotency.ts';
import type { Random } from './prng.ts';
import type { RateLimiter } from './rateLimit.ts';
import type { Stats } from './stats.ts';
import type { StoryStore } from './storage.ts';

export type SandboxState = {
  key: string;
  now: () => number;
  random: Random;
  verbose: boolean;
  directory: HealthService[];
  byNacs: Map<string, HealthService>;
  stories: StoryStore;
  idempotency: IdempotencyStore;
  limiter: RateLimiter;
  faults: FaultSource;
  /** Story posts held in flight until a test releases them (POST /__sandbox/hold). */
  hold: Hold;
  stats: Stats;
  /** Answers not yet finished (latency, hanging): close() ends their connections. */
  open: Set<ServerResponse>;
  timers: Set<NodeJS.Timeout>;
};

/** Waits `ms` (real time); close() cancels the wait along with the connection. */
export function wait(state: SandboxState, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      state.timers.delete(timer);
      resolve();
    }, ms);
    state.timers.add(timer);
  });
}
