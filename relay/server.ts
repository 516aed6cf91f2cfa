// Starts a relay: opens and migrates the database, serves the app, runs the chores. close() stops
// accepting, lets in-flight requests finish, stops the chores and closes the database.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import type { RelayConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createLog } from './log.ts';
import { startSchedule } from './schedule.ts';
import { createServices, type RelayServices, type Runtime, sleep } from './services.ts';

export const SHUTDOWN_GRACE_MS = 30_000;

export type RunningRelay = { url: string; port: number; services: RelayServices; close(): Promise<void> };

export type StartOptions = Partial<Runtime> & { schedule?: boolean };

export async function startRelay(config: RelayConfig, options: StartOptions = {}): Promise<RunningRelay> {
  const store = await openDatabase(config.database);
  const services = createServices(config, store, {
    now: options.now ?? Date.now,
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? sleep,
    log: options.log ?? createLog(),
    ...(options.rateClock ? { rateClock: options.rateClock } : {}),
  });
  const app = createApp(services);
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
      resolve(started as Server),
    );
    started.once('error', reject);
  });
  const chores = options.schedule === false ? undefined : startSchedule(services);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    services,
    async close() {
      services.refresher.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Requests in flight get time to finish (an upstream call times out well within it).
      const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      await closed;
      clearTimeout(deadline);
      await chores?.stop();
      await store.close();
    },
  };
}
