// Everything the relay's routes use, built once from the configuration and the database, with
// the clock, fetch and sleep passed in so tests can drive them.
import type { Logger } from 'pino';
import type { RelayConfig } from './config.ts';
import type { RelayDb } from './db/database.ts';
import { createDeliveries } from './deliveries.ts';
import { createDevices } from './devices.ts';
import { createRefresher } from './directory/refresh.ts';
import { createDirectoryStore } from './directory/store.ts';
import { createIdempotency } from './idempotency.ts';
import { createLeases } from './leases.ts';
import { createUpstream } from './upstream.ts';
import { createUpstreamRate, type RateClock } from './upstreamRate.ts';

export type Runtime = {
  now: () => number;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  log: Logger;
  /** The shared rate's clock: real time unless a test drives it (tests/unit/relay/virtualClock.ts). */
  rateClock?: RateClock;
};

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createServices(config: RelayConfig, store: RelayDb, runtime: Runtime) {
  const { now, log } = runtime;
  // The rate is about real time on every instance: not the clock a test moves for expiries.
  const rate = createUpstreamRate(
    store,
    config.upstreamRate,
    runtime.rateClock ?? { now: Date.now, sleep: runtime.sleep },
  );
  const upstream = createUpstream({
    base: config.upstream,
    key: config.upstreamKey,
    rate,
    fetch: runtime.fetch,
  });
  const directory = createDirectoryStore(store, now);
  return {
    ...runtime,
    config,
    store,
    databaseKind: store.kind,
    devices: createDevices(store, now),
    idempotency: createIdempotency(store, now),
    deliveries: createDeliveries(store, now),
    upstream,
    directory,
    refresher: createRefresher({
      store: directory,
      upstream,
      leases: createLeases(store, now),
      now,
      sleep: runtime.sleep,
      log,
    }),
  };
}

export type RelayServices = ReturnType<typeof createServices>;
