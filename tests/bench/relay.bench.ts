// Issue 11's benchmark: 40 simulated iPads × 25 stories through two relay instances on Postgres to
// the sandbox at 5/s — then again with one instance SIGKILLed mid-run and restarted — and 50,000
// services to a device through /api/v2/directory. Smaller runs: RELAY_BENCH_DEVICES, _STORIES.
import { startPostgres } from '../tools/postgres.ts';
import type { SandboxStats } from '../unit/sandbox/helpers.ts';
import { int, mb, ms, percentile, sec } from './format.ts';
import { runDevices } from './relay/devices.ts';
import { download } from './relay/directory.ts';
import { type RelayProcess, relayProcess } from './relay/processes.ts';
import { type BenchUpstream, maxInAnySecond, startBenchUpstream } from './relay/upstream.ts';
import type { Bench, BenchContext, FigureTable } from './types.ts';

const DEVICES = Number(process.env.RELAY_BENCH_DEVICES ?? 40);
const STORIES = Number(process.env.RELAY_BENCH_STORIES ?? 25);
const DIRECTORY_SERVICES = Number(process.env.RELAY_BENCH_SERVICES ?? 50_000);
const RATE = 5;
const KEY = 'bench-key';
const ADMIN = 'bench-admin-token-at-least-32-characters';
const HASH_SECRET = 'bench-hash-secret-at-least-32-characters';

type Env = Record<string, string>;

function envFor(upstream: BenchUpstream, database: string, rate = RATE): Env {
  return {
    CARE_OPINION_API: upstream.url,
    CARE_OPINION_KEY: KEY,
    RELAY_ADMIN_TOKEN: ADMIN,
    RELAY_DATABASE: database,
    RELAY_HASH_SECRET: HASH_SECRET, // the same on both instances (Postgres)
    RELAY_UPSTREAM_RATE: String(rate),
  };
}

async function adminCall<T>(relay: RelayProcess, path: string, body?: object): Promise<T> {
  const res = await fetch(`${relay.url}/admin/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as T;
}

async function enrolDevices(relay: RelayProcess, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const { code } = await adminCall<{ code: string }>(relay, '/enrolments', { name: `Bench iPad ${i + 1}` });
    const res = await fetch(`${relay.url}/api/v2/devices`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code, name: '' }),
    });
    tokens.push(((await res.json()) as { token: string }).token);
  }
  return tokens;
}

type Status = { directory: { count: number; refreshing: boolean } };

async function directoryReady(relay: RelayProcess, count: number): Promise<void> {
  for (;;) {
    const status = await adminCall<Status>(relay, '/status');
    if (!status.directory.refreshing && status.directory.count >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 500)); // poll until the refresh has landed
  }
}

async function storiesRun(ctx: BenchContext, databaseUrl: string, killOne: boolean): Promise<FigureTable> {
  const total = DEVICES * STORIES;
  const upstream = await startBenchUpstream({ key: KEY, rate: RATE, services: 200 });
  const relays = [
    await relayProcess(envFor(upstream, databaseUrl)),
    await relayProcess(envFor(upstream, databaseUrl)),
  ];
  try {
    await Promise.all(relays.map((relay) => relay.start()));
    await directoryReady(relays[0] as RelayProcess, 200); // the first start's full refresh, out of the way
    const tokens = await enrolDevices(relays[0] as RelayProcess, DEVICES);
    const before = (await upstream.arrivals()).length;
    ctx.log(
      `  ${DEVICES} devices × ${STORIES} stories${killOne ? ', killing one instance a third of the way' : ''}…`,
    );
    let killedAt: number | undefined;
    const killer = killOne
      ? (async () => {
          while ((await upstream.arrivals()).length - before < total / 3) {
            await new Promise((resolve) => setTimeout(resolve, 100)); // poll the sandbox
          }
          killedAt = (await upstream.arrivals()).length - before;
          await (relays[1] as RelayProcess).kill('SIGKILL');
          await (relays[1] as RelayProcess).start();
        })()
      : Promise.resolve();
    const started = performance.now();
    const figures = await runDevices(relays, tokens, STORIES);
    await killer;
    const drainMs = figures.lastConfirmedAt - started;
    const arrivals = (await upstream.arrivals()).slice(before);
    const stats = (await (await fetch(`${upstream.origin}/__sandbox/stats`)).json()) as SandboxStats;
    const received = (await (await fetch(`${upstream.origin}/__sandbox/received`)).json()) as {
      idempotencyKey: string;
    }[];
    const keys = new Set(received.map((story) => story.idempotencyKey));
    const lost =
      [...figures.confirmed].filter((key) => !keys.has(key)).length + (total - figures.confirmed.size);
    const idealMs = (total / RATE) * 1000;
    const answers = [...figures.answers].map(([status, n]) => `${status}×${n}`).join(', ');
    return {
      title: `${total} stories, 2 relay instances on Postgres → sandbox at ${RATE}/s${killOne ? `, one SIGKILLed after ${killedAt} posts and restarted` : ''}`,
      rows: [
        {
          figure: 'sandbox: most requests in any second',
          value: int(maxInAnySecond(arrivals)),
          note: `goal ≤ ${RATE}`,
        },
        { figure: 'sandbox: 429 answers', value: int(stats.requests['429'] ?? 0), note: 'goal 0' },
        { figure: 'duplicates', value: int(received.length - keys.size), note: 'goal 0' },
        { figure: 'lost', value: int(lost), note: 'goal 0' },
        {
          figure: 'drain',
          value: sec(drainMs),
          note: `${Math.round((idealMs / drainMs) * 100)}% of the ${sec(idealMs)} ideal (goal ≥ 90%)`,
        },
        {
          figure: 'relay overhead p95',
          value: ms(percentile(figures.relayOverheadMs, 95)),
          note: `p50 ${ms(percentile(figures.relayOverheadMs, 50))}; inside the relay, not waiting (goal ≤ 20 ms)`,
        },
        {
          figure: 'overhead seen by the device, p95',
          value: ms(percentile(figures.deviceOverheadMs, 95)),
          note: `p50 ${ms(percentile(figures.deviceOverheadMs, 50))}; adds HTTP and the simulator's own event loop`,
        },
        { figure: 'answers seen by devices', value: answers },
      ],
    };
  } finally {
    await Promise.all(relays.map((relay) => relay.kill()));
    await upstream.close();
  }
}

async function directoryRun(ctx: BenchContext, databaseUrl: string): Promise<FigureTable> {
  ctx.log(`  ${int(DIRECTORY_SERVICES)} services: refreshing the relay's copy, then one device download…`);
  const upstream = await startBenchUpstream({ key: KEY, rate: 1000, services: DIRECTORY_SERVICES });
  const relay = await relayProcess(envFor(upstream, databaseUrl, 1000));
  try {
    await relay.start();
    await directoryReady(relay, DIRECTORY_SERVICES);
    const [token] = await enrolDevices(relay, 1);
    const cold = await download(relay.url, token as string);
    const warm = await download(relay.url, token as string);
    const revalidate = await download(relay.url, token as string, warm.etag);
    const packedCold = await download(relay.url, token as string, undefined, true);
    const packed = await download(relay.url, token as string, undefined, true);
    return {
      title: `${int(DIRECTORY_SERVICES)} services to a device through GET /api/v2/directory (gzip)`,
      rows: [
        { figure: 'services received', value: int(warm.services) },
        {
          figure: 'first download (builds the gzip)',
          value: sec(cold.ms),
          note: 'to parsed JSON; goal ≤ 3 s',
        },
        { figure: 'next download', value: sec(warm.ms), note: 'to parsed JSON' },
        {
          figure: 'bytes on the wire',
          value: mb(warm.wireBytes),
          note: `${int(warm.wireBytes)} B; goal ≤ 3 MB`,
        },
        {
          figure: 'If-None-Match revalidation',
          value: ms(revalidate.ms),
          note: `status ${revalidate.status}`,
        },
        {
          figure: 'packed index: first download (builds it and its gzip)',
          value: sec(packedCold.ms),
          note: `what a device of this release asks for; ${int(packedCold.services)} services, decoded`,
        },
        { figure: 'packed index: next download', value: sec(packed.ms), note: 'to the decoded index' },
        {
          figure: 'packed index: bytes on the wire',
          value: mb(packed.wireBytes),
          note: `${int(packed.wireBytes)} B`,
        },
      ],
    };
  } finally {
    await relay.kill();
    await upstream.close();
  }
}

export const relayBench: Bench = {
  name: 'relay',
  summary: '40 iPads × 25 stories via two instances on Postgres (and one killed); 50,000-service download',
  async run(ctx) {
    const postgres = await startPostgres();
    try {
      const steady = await storiesRun(ctx, await postgres.createDatabase(), false);
      const killed = await storiesRun(ctx, await postgres.createDatabase(), true);
      const directory = await directoryRun(ctx, await postgres.createDatabase());
      return [steady, killed, directory];
    } finally {
      await postgres.stop();
    }
  },
};
