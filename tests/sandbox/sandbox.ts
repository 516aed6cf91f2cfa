// The sandbox as middleware: createSandbox() answers /api/v2/ and /__sandbox/ and leaves every
// other path to its host server (handle() returns false), so `npm start` can mount it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, handleApi } from './api.ts';
import { CONTROL_PREFIX, handleControl } from './controls.ts';
import { DEFAULT_SEED, generateDirectory } from './directory.ts';
import { createFaultSource, type Faults } from './faults.ts';
import { createHold } from './hold.ts';
import { answerPreflight, applyCors, sendError } from './http.ts';
import { createIdempotencyStore } from './idempotency.ts';
import { createRandom } from './prng.ts';
import { createRateLimiter } from './rateLimit.ts';
import type { SandboxState } from './state.ts';
import { countAnswer, createStats } from './stats.ts';
import { createStoryStore } from './storage.ts';

export type SandboxOptions = {
  /** The one accepted subscription key (default SANDBOX_KEY, else `sandbox-key`). */
  key?: string;
  /** Requests a second per key (default 5). */
  rate?: number;
  /** Directory size (default 3,000). */
  services?: number;
  seed?: number;
  /** Share of deliberately malformed directory items (default 0.002). */
  malformedShare?: number;
  /** Keep received stories (and so their idempotency records) in `<dataDir>/received.jsonl`. */
  dataDir?: string;
  /** Faults from the start; `POST /__sandbox/faults` changes them later. */
  faults?: Faults;
  /** The clock for rate limits, receivedAt and record retention (default Date.now). */
  now?: () => number;
  /** Draws faults that have no seed of their own (default: seeded from `seed`). */
  random?: () => number;
  /** One line per request (method, path, status, time); never any story data. */
  verbose?: boolean;
};

export type Sandbox = {
  /** True if the sandbox took the request (a path under /api/v2/ or /__sandbox/). */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  reset(): void;
  close(): Promise<void>;
};

function createState(options: SandboxOptions): SandboxState {
  const now = options.now ?? Date.now;
  // Derived from the seed, so faults without a seed of their own still replay run after run.
  const random = options.random ?? createRandom((options.seed ?? DEFAULT_SEED) ^ 0x85ebca6b);
  const directory = generateDirectory({
    services: options.services,
    seed: options.seed ?? DEFAULT_SEED,
    malformedShare: options.malformedShare,
  });
  const stories = createStoryStore(options.dataDir);
  return {
    key: options.key ?? process.env.SANDBOX_KEY ?? 'sandbox-key',
    now,
    random,
    verbose: options.verbose ?? false,
    directory,
    byNacs: new Map(directory.map((service) => [service.nacs, service])),
    stories,
    idempotency: createIdempotencyStore(now, stories.completedKeys(now())),
    limiter: createRateLimiter(options.rate ?? 5, now),
    faults: createFaultSource(options.faults ?? {}, random),
    hold: createHold(),
    stats: createStats(),
    open: new Set(),
    timers: new Set(),
  };
}

function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

function track(state: SandboxState, req: IncomingMessage, res: ServerResponse, isApi: boolean): void {
  const started = Date.now();
  state.open.add(res);
  res.on('finish', () => {
    if (isApi) countAnswer(state.stats, res.statusCode);
  });
  res.on('close', () => {
    state.open.delete(res);
    if (!state.verbose) return;
    const path = (req.url ?? '').split('?')[0];
    const status = res.writableFinished ? String(res.statusCode) : 'no answer';
    console.log(`${req.method} ${path} ${status} ${Date.now() - started}ms`);
  });
}

function fail(res: ServerResponse, error: unknown): void {
  // A bug, not an expected outcome: say so loudly (errors here never carry story text).
  console.error('sandbox: unexpected error', error);
  if (!res.headersSent) sendError(res, 500, 'Sandbox internal error');
  else res.destroy();
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const state = createState(options);
  const reset = () => {
    state.stories.clear();
    state.idempotency.clear();
    state.faults.set({});
    state.hold.release();
    state.limiter.reset();
    Object.assign(state.stats, createStats());
  };
  return {
    handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const isApi = isUnder(url.pathname, API_PREFIX.replace(/\/$/, ''));
      if (!isApi && !isUnder(url.pathname, CONTROL_PREFIX)) return false;
      applyCors(req, res);
      track(state, req, res, isApi);
      if (req.method === 'OPTIONS') answerPreflight(res);
      else {
        const work = isApi ? handleApi(state, req, res, url) : handleControl(state, req, res, url, reset);
        work.catch((error: unknown) => fail(res, error));
      }
      return true;
    },
    reset,
    async close() {
      for (const timer of state.timers) clearTimeout(timer);
      state.timers.clear();
      for (const res of state.open) res.socket?.destroy();
    },
  };
}
