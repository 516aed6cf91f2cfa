// Everything the relay's routes use, built once from the configuration and the database, with
// the clock, fetch and sleep passed in so tests can drive them.
import type { Logger } from 'pino';
import { createFingerprints } from './bodyHash.ts';
import type { RelayConfig } from './config.ts';
import type { RelayDb } from './db/database.ts';
import { createDeliveries } from './deliveries.ts';
import { createDesk, NONE_WAITING } from './desk.ts';
import { createDevices } from './devices.ts';
import { createRefresher } from './directory/refresh.ts';
import { createDirectoryStore } from './directory/store.ts';
import type { LoadedExportKey } from './exportKey.ts';
import { createFleet, listFleet, summarise } from './fleet.ts';
import { createIdempotency } from './idempotency.ts';
import { createLeases } from './leases.ts';
import { createMetrics, type KeyState } from './metrics.ts';
import { createUpstream, type UpstreamAnswer } from './upstream.ts';
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

/** An answer to a call made with the key, as the key's state. */
function keyStateOf(answer: UpstreamAnswer): KeyState | null {
  if (answer.kind === 'refused') return 'refused';
  if (answer.kind === 'json') return answer.status < 300 ? 'accepted' : null;
  if (answer.upstreamStatus >= 200 && answer.upstreamStatus < 300) return 'accepted'; // may be stored
  return answer.upstreamStatus === 0 ? null : 'unreachable';
}

function answerClass(answer: UpstreamAnswer & { upstreamStatus?: number }): string {
  if (answer.kind === 'refused') return 'refused';
  if (answer.kind === 'json') return `${Math.floor(answer.status / 100)}xx`;
  if (answer.upstreamStatus === 0) return 'network';
  if (answer.upstreamStatus === 429) return '429';
  return answer.upstreamStatus >= 500 ? '5xx' : `${Math.floor(answer.upstreamStatus / 100)}xx`;
}

/** `bodySecret`: the key of the stories' body fingerprints (secrets.ts), never kept in the database. */
export function createServices(config: RelayConfig, store: RelayDb, runtime: Runtime, bodySecret: string) {
  const { now, log } = runtime;
  const metrics = createMetrics();
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
    observe(answer) {
      if (answer.kind === 'busy' && answer.upstreamStatus === 0 && answer.upstreamMs === 0) return; // queue full
      metrics.upstreamAnswers.inc({ class: answerClass(answer) });
      metrics.rateWait.observe(answer.queueMs / 1000);
      const state = keyStateOf(answer);
      if (state) metrics.setKeyState(state);
    },
  });
  const directory = createDirectoryStore(store, now);
  const devices = createDevices(store, now);
  const fleet = createFleet(store, now);
  const desk = createDesk(store, now);
  /**
   * GET /admin/api/devices: the devices with their last reports, riskiest first (fleet.ts), and
   * their stories waiting at the posting desk (desk.ts).
   */
  const listDevices = async () => {
    const [rows, atDesk] = await Promise.all([listFleet(devices, fleet, now()), desk.waitingByDevice()]);
    return rows.map((row) => ({ ...row, ...(atDesk.get(row.deviceId) ?? NONE_WAITING) }));
  };
  metrics.watch({
    directory: () => directory.state(),
    devices: () => devices.counts(),
    fleet: async () => summarise(await listDevices()),
    now,
  });
  // Where devices reach this relay: RELAY_PUBLIC_URL, else the address it listens on (set at start).
  const where = { publicUrl: config.publicUrl ?? '' };

  /** Asks Care Opinion for one service with the key; a refusal is an audit event at error level. */
  async function checkKey(during: string): Promise<'accepted' | 'refused' | 'unreachable'> {
    const answer = await upstream.request('/healthservices?take=1');
    if (answer.kind === 'refused') {
      log.error(
        { event: 'upstream-key-refused', during, upstreamStatus: answer.status },
        'Care Opinion did not accept the key (CARE_OPINION_KEY)',
      );
      return 'refused';
    }
    const state = answer.kind === 'json' && answer.status === 200 ? 'accepted' : 'unreachable';
    if (state === 'unreachable') metrics.setKeyState('unreachable');
    return state;
  }

  return {
    ...runtime,
    config,
    store,
    databaseKind: store.kind,
    metrics,
    devices,
    fleet,
    desk,
    listDevices,
    /** The export key, loaded at start (server.ts); null when it cannot be opened (README.md). */
    exportKey: { current: null as LoadedExportKey | null },
    idempotency: createIdempotency(store, now, createFingerprints(bodySecret)),
    deliveries: createDeliveries(store, now),
    upstream,
    directory,
    checkKey,
    where,
    publicUrl: () => where.publicUrl,
    /** The app's address for enrolment links: RELAY_APP_URL, else this relay's when it serves the app. */
    appUrl: (): string | undefined => config.appUrl ?? (config.appDir ? `${where.publicUrl}/` : undefined),
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
