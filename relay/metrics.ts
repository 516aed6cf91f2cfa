// /metrics in the Prometheus text format, through prom-client (a maintained registry and
// exposition format rather than our own). One registry per relay, so tests can run several in one
// process. Counts, states and durations only: no device names, no codes, no tokens, no story.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type MetricsState = {
  directory(): Promise<{ count: number; updatedAt: string | null }>;
  devices(): Promise<{ enrolled: number; revoked: number }>;
  /** The fleet's figures from the devices' last reports (fleet.ts `summarise`). */
  fleet(): Promise<{ waiting: number; staleDevices: number; versions: Map<string, number> }>;
  now(): number;
};

export type KeyState = 'accepted' | 'refused' | 'unreachable' | 'unknown';
const KEY_STATES: KeyState[] = ['accepted', 'refused', 'unreachable', 'unknown'];

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'relay_' });
  const registers = [registry];
  const metrics = {
    registry,
    stories: new Counter({
      name: 'relay_stories_total',
      help: 'Stories posted by devices, by outcome: forwarded (stored upstream), replayed (a repeat answered from the relay), refused (invalid, never forwarded), in-flight (409), upstream-refused-key, upstream-unavailable',
      labelNames: ['outcome'] as const,
      registers,
    }),
    upstreamAnswers: new Counter({
      name: 'relay_upstream_answers_total',
      help: "Care Opinion's answers by class: 2xx, 4xx, 429, 5xx, refused (the key was not accepted), network (no answer)",
      labelNames: ['class'] as const,
      registers,
    }),
    rateWait: new Histogram({
      name: 'relay_upstream_rate_wait_seconds',
      help: 'Time a request waited for its slot in the shared upstream rate',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 15],
      registers,
    }),
    upstreamKey: new Gauge({
      name: 'relay_upstream_key_state',
      help: "Whether Care Opinion accepts the organisation's key (1 on the current state)",
      labelNames: ['state'] as const,
      registers,
    }),
    requestDuration: new Histogram({
      name: 'relay_http_request_duration_seconds',
      help: 'Time to answer a request, by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers,
    }),
    directoryDownloads: new Counter({
      name: 'relay_directory_downloads_total',
      help: 'Whole-directory downloads (GET /api/v2/directory) by representation (index: the packed search index this release asks for; json: older apps) and status (200, 304)',
      labelNames: ['representation', 'status'] as const,
      registers,
    }),
    setKeyState(state: KeyState) {
      for (const each of KEY_STATES) metrics.upstreamKey.set({ state: each }, each === state ? 1 : 0);
    },
    /** The gauges read from the database when scraped. */
    watch(state: MetricsState) {
      new Gauge({
        name: 'relay_directory_services',
        help: "Services in the relay's copy of the directory",
        registers,
        async collect() {
          this.set((await state.directory()).count);
        },
      });
      new Gauge({
        name: 'relay_directory_age_seconds',
        help: "Seconds since the relay's copy of the directory was last refreshed (-1: never)",
        registers,
        async collect() {
          const { updatedAt } = await state.directory();
          this.set(updatedAt ? (state.now() - Date.parse(updatedAt)) / 1000 : -1);
        },
      });
      new Gauge({
        name: 'relay_devices',
        help: 'Devices by state: enrolled (may connect) and revoked',
        labelNames: ['state'] as const,
        registers,
        async collect() {
          const counts = await state.devices();
          this.set({ state: 'enrolled' }, counts.enrolled);
          this.set({ state: 'revoked' }, counts.revoked);
        },
      });
      new Gauge({
        name: 'relay_fleet_stories_waiting',
        help: 'Stories waiting to be sent on all devices together, as each last reported',
        registers,
        async collect() {
          this.set((await state.fleet()).waiting);
        },
      });
      new Gauge({
        name: 'relay_fleet_devices_stale_stories',
        help: 'Devices holding a story that has waited more than 3 days',
        registers,
        async collect() {
          this.set((await state.fleet()).staleDevices);
        },
      });
      new Gauge({
        name: 'relay_fleet_app_versions',
        help: 'Devices by the app version they last reported',
        labelNames: ['version'] as const,
        registers,
        async collect() {
          const { versions } = await state.fleet();
          this.reset(); // a version no device runs any more leaves the list
          for (const [version, devices] of versions) this.set({ version }, devices);
        },
      });
    },
  };
  metrics.setKeyState('unknown');
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
