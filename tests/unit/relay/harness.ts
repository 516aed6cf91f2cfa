// A relay in-process on a free port with the real sandbox as its upstream, plus the few calls a
// device and an admin make. Logs are captured so tests can check they hold no personal data.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { expect } from 'vitest';
import type { DatabaseUrl, RelayConfig } from '../../../relay/config.ts';
import { type RunningRelay, type StartOptions, startRelay } from '../../../relay/server.ts';
import type { SandboxServer, SandboxServerOptions } from '../../sandbox/server.ts';
import { KEY, startTestSandbox, validStory } from '../sandbox/helpers.ts';

export const ADMIN = 'admin-token-for-tests-at-least-32-characters';
/** RELAY_HASH_SECRET for relays on Postgres (every instance the same); SQLite ones use the file. */
export const HASH_SECRET = 'hash-secret-for-tests-at-least-32-characters';
export { validStory };

export function configFor(
  upstream: string,
  database: DatabaseUrl,
  extra: Partial<RelayConfig> = {},
): RelayConfig {
  return {
    upstream,
    upstreamKey: KEY,
    adminToken: ADMIN,
    database,
    port: 0,
    host: '127.0.0.1',
    upstreamRate: 1000,
    appUrl: undefined,
    organisation: 'City Hospital',
    appOrigins: undefined,
    ...(database.kind === 'postgres' ? { hashSecret: HASH_SECRET } : {}),
    ...extra,
  };
}

export type Relay = RunningRelay & { logs: string[] };

export async function startTestRelay(
  upstream: string,
  database: DatabaseUrl,
  config: Partial<RelayConfig> = {},
  start: StartOptions = {},
): Promise<Relay> {
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const relay = await startRelay(configFor(upstream, database, config), { log, schedule: false, ...start });
  return Object.assign(relay, { logs });
}

export type World = { sandbox: SandboxServer; relay: Relay; close(): Promise<void> };

export async function startWorld(
  database: DatabaseUrl,
  options: { sandbox?: SandboxServerOptions; config?: Partial<RelayConfig>; start?: StartOptions } = {},
): Promise<World> {
  const sandbox = await startTestSandbox(options.sandbox);
  const relay = await startTestRelay(sandbox.url, database, options.config, options.start);
  return {
    sandbox,
    relay,
    async close() {
      await relay.close();
      await sandbox.close();
    },
  };
}

export function admin(relay: { url: string }, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${relay.url}/admin/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json', ...init.headers },
  });
}

export async function newCode(relay: { url: string }, body: object = {}): Promise<string> {
  const res = await admin(relay, '/enrolments', { method: 'POST', body: JSON.stringify(body) });
  return ((await res.json()) as { code: string }).code;
}

export function redeem(relay: { url: string }, code: string, name = 'Ward 3 iPad'): Promise<Response> {
  return fetch(`${relay.url}/api/v2/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name }),
  });
}

export async function enrol(relay: { url: string }): Promise<{ deviceId: string; token: string }> {
  const res = await redeem(relay, await newCode(relay));
  if (res.status !== 201) throw new Error(`enrolment answered ${res.status}`);
  return (await res.json()) as { deviceId: string; token: string };
}

/** Enrols a device under the name the lead typed: its id and token. */
export async function enrolNamed(world: { relay: { url: string } }, name: string) {
  const res = await redeem(world.relay, await newCode(world.relay, { name }));
  return (await res.json()) as { deviceId: string; token: string };
}

export function postStory(
  relay: { url: string },
  token: string,
  body: unknown = validStory(),
  key: string = randomUUID(),
): Promise<Response> {
  return fetch(`${relay.url}/api/v2/opinions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
}

export function getApi(
  relay: { url: string },
  token: string,
  path: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${relay.url}/api/v2${path}`, { headers: { Authorization: `Bearer ${token}`, ...headers } });
}

/** Polls until `check` holds (no fixed sleeps): for state another process or instance changes. */
export async function waitFor<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const TABLES = ['devices', 'enrolments', 'code_attempts', 'idempotency', 'deliveries', 'leases'] as const;

/** Every row the relay keeps about devices and stories, as one text, to search for personal data. */
export async function dumpTables(relay: RunningRelay): Promise<string> {
  const { db } = relay.services.store;
  const rows = await Promise.all(TABLES.map((table) => db.selectFrom(table).selectAll().execute()));
  return JSON.stringify(rows);
}

type Status = {
  upstream: { key: string };
  directory: { count: number; refreshing: boolean; lastError: string | null; updatedAt: string | null };
  database: string;
};

/** GET /admin/api/status. */
export async function status(relay: { url: string }): Promise<Status> {
  return (await (await admin(relay, '/status')).json()) as Status;
}

/** Asks for a refresh and waits until no refresh runs. */
export async function refreshed(relay: Relay, kind: 'full' | 'incremental' = 'full'): Promise<Status> {
  const res = await admin(relay, '/directory/refresh', { method: 'POST', body: JSON.stringify({ kind }) });
  expect(res.status).toBe(202);
  return waitFor(
    () => status(relay),
    (s) => !s.directory.refreshing,
  );
}
