// Starts a relay: opens and migrates the database, serves the app, runs the chores. close() stops
// accepting, lets in-flight requests finish, stops the chores and closes the database.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { createAdminApp, createApp } from './app.ts';
import { ConfigError, type RelayConfig } from './config.ts';
import { DatabaseError, openDatabase } from './db/database.ts';
import { loadExportKey } from './exportKey.ts';
import type { RelayEnv } from './http.ts';
import { createLog } from './log.ts';
import { startSchedule } from './schedule.ts';
import { bodySecret } from './secrets.ts';
import { createServices, type RelayServices, type Runtime, sleep } from './services.ts';

export const SHUTDOWN_GRACE_MS = 30_000;

export type RunningRelay = {
  url: string;
  port: number;
  /** The admin listener's address: its own port with RELAY_ADMIN_PORT, else `url`. */
  adminUrl: string;
  services: RelayServices;
  close(): Promise<void>;
};

export type StartOptions = Partial<Runtime> & { schedule?: boolean };

/** A port already taken, or an address that is not this machine's, named in one sentence. */
export class ListenError extends Error {}

function listen(app: Hono<RelayEnv>, port: number, host: string, name: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(started as Server));
    started.once('error', (error: NodeJS.ErrnoException) => {
      const why =
        error.code === 'EADDRINUSE'
          ? 'is already in use'
          : error.code === 'EADDRNOTAVAIL'
            ? 'is not an address of this machine'
            : `could not be opened (${error.code ?? error.message})`;
      reject(new ListenError(`${name} ${host}:${port} ${why}`));
    });
  });
}

function urlOf(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // Requests in flight get time to finish (an upstream call times out well within it).
  const deadline = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
  await closed;
  clearTimeout(deadline);
}

/** Rows from before the fingerprints were keyed get their HMAC now (bodyHash.ts, idempotency.ts). */
async function rekey(services: RelayServices, log: Runtime['log']): Promise<void> {
  let counts: { rekeyed: number; otherSecret: number };
  try {
    counts = await services.idempotency.rekey();
  } catch (error) {
    throw new DatabaseError(`The idempotency records could not be re-keyed: ${(error as Error).message}`);
  }
  if (counts.rekeyed > 0)
    log.info({ event: 'fingerprints-rekeyed', rows: counts.rekeyed }, 'body fingerprints keyed');
  if (counts.otherSecret > 0) {
    log.warn(
      { event: 'fingerprints-other-secret', rows: counts.otherSecret },
      'idempotency records made with another RELAY_HASH_SECRET: their replays are checked by device only',
    );
  }
}

/** The export key (exportKey.ts), made at first start; one that cannot be opened is logged, not fatal. */
async function exportKeyAtStart(services: RelayServices, secret: string) {
  const { store, config, log, now } = services;
  let key: Awaited<ReturnType<typeof loadExportKey>>;
  try {
    key = await loadExportKey(store, config.exportKey, secret, now);
  } catch (error) {
    if (error instanceof ConfigError) throw error; // RELAY_EXPORT_KEY: exit 2
    throw new DatabaseError(`The export key could not be read or stored: ${(error as Error).message}`);
  }
  if (key) log.info({ event: 'export-key', kid: key.kid, source: key.source }, 'export key ready');
  else
    log.error(
      { event: 'export-key-unreadable' },
      'the export key in the database was sealed under another RELAY_HASH_SECRET: restore that secret, or set RELAY_EXPORT_KEY (sealed files cannot be imported until then)',
    );
  return key;
}

export async function startRelay(config: RelayConfig, options: StartOptions = {}): Promise<RunningRelay> {
  const store = await openDatabase(config.database); // it makes the SQLite file's folder, 0700
  let secret: string;
  try {
    secret = bodySecret(config);
  } catch (error) {
    await store.close();
    throw error;
  }
  const log = options.log ?? createLog();
  const services = createServices(
    config,
    store,
    {
      now: options.now ?? Date.now,
      fetch: options.fetch ?? fetch,
      sleep: options.sleep ?? sleep,
      log,
      ...(options.rateClock ? { rateClock: options.rateClock } : {}),
    },
    secret,
  );
  try {
    await rekey(services, log);
    services.exportKey.current = await exportKeyAtStart(services, secret);
  } catch (error) {
    await store.close();
    throw error;
  }
  const separateAdmin = config.adminPort !== undefined;
  const servers: Server[] = [];
  try {
    servers.push(await listen(createApp(services, !separateAdmin), config.port, config.host, 'RELAY_PORT'));
    if (separateAdmin) {
      const adminServer = await listen(
        createAdminApp(services),
        config.adminPort as number,
        config.host,
        'RELAY_ADMIN_PORT',
      );
      servers.push(adminServer);
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    await store.close();
    throw error;
  }
  const [main, admin] = servers as [Server, Server | undefined];
  const url = urlOf(main, config.host);
  if (!config.publicUrl) services.where.publicUrl = url;
  const chores = options.schedule === false ? undefined : startSchedule(services);
  return {
    url,
    port: (main.address() as AddressInfo).port,
    adminUrl: admin ? urlOf(admin, config.host) : url,
    services,
    async close() {
      services.refresher.stop();
      await Promise.all(servers.map(closeServer));
      await chores?.stop();
      await store.close();
    },
  };
}
