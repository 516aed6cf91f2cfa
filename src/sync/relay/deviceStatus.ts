// The status report (issue 26): `POST {relay}/devices/me/status` with what this iPad holds, numbers
// only (the shared contract's DeviceStatus), after every send pass and at least hourly. Quiet: a
// failure waits for the next pass or the hour (never a tight loop, never in the way of sending).
// Only the relay is told: a direct key or posting by hand sends nothing (the caller decides).
import type { DeviceStatus } from '../../domain/fleet/deviceStatus.ts';
import type { Client, Connection } from '../client.ts';

export const STATUS_PATH = '/devices/me/status';

/** What became of one report: taken (204), refused (an answer, not 2xx), or no answer at all. */
export type StatusOutcome = 'taken' | 'refused' | 'no-answer';

export async function postDeviceStatus(
  client: Client,
  connection: Connection,
  status: DeviceStatus,
): Promise<StatusOutcome> {
  const answer = await client.request(connection, STATUS_PATH, { method: 'POST', body: status });
  if (answer.kind !== 'response') return 'no-answer';
  return answer.status >= 200 && answer.status < 300 ? 'taken' : 'refused';
}

/** The shortest time between two reports: passes come often while stories retry. */
export const STATUS_MIN_GAP_MS = 60_000;
/** The longest: a report at least this often while the app is open and online. */
export const STATUS_EVERY_MS = 60 * 60_000;

export type StatusReporterDeps = {
  /**
   * Sends one report; a refusal or no answer is not an error. False: nothing to report (not on a
   * relay yet), so the next pass — the one after "Connect" — reports at once.
   */
  report: () => Promise<boolean>;
  now: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  /** navigator.onLine: offline, the hourly report waits (coming online runs a send pass, then a report). */
  isOnline?: () => boolean;
  /** The unexpected (a bug, a refused read): logged by the caller, never retried at once. */
  onError?: (error: unknown) => void;
  minGapMs?: number;
  everyMs?: number;
};

export type StatusReporter = {
  /** A send pass ended: report now, or when the shortest gap since the last report has passed. */
  passEnded(): void;
  stop(): void;
};

export function createStatusReporter(deps: StatusReporterDeps): StatusReporter {
  const minGapMs = deps.minGapMs ?? STATUS_MIN_GAP_MS;
  const everyMs = deps.everyMs ?? STATUS_EVERY_MS;
  let lastAt: number | null = null;
  let running = false;
  /** A pass ended while a report was out: one more after the gap. */
  let again = false;
  let stopped = false;
  let timer: { handle: unknown; at: number } | null = null;

  /** Runs at `at` (now if due), unless something already runs sooner. */
  function plan(at: number): void {
    if (stopped || (timer !== null && timer.at <= at)) return;
    if (timer !== null) deps.clearTimer(timer.handle);
    timer = null;
    const wait = at - deps.now();
    if (wait <= 0) {
      void run();
      return;
    }
    timer = { handle: deps.setTimer(() => void run(), wait), at };
  }

  async function run(): Promise<void> {
    if (timer !== null) deps.clearTimer(timer.handle);
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (deps.isOnline?.() === false) {
      plan(deps.now() + everyMs);
      return;
    }
    running = true;
    let reported = true;
    try {
      reported = await deps.report();
    } catch (error) {
      // a bug or a refused read: said once, then the usual wait (no tight loop)
      deps.onError?.(error);
    }
    running = false;
    if (reported) lastAt = deps.now();
    plan(deps.now() + everyMs);
    if (again) {
      again = false;
      plan(lastAt === null ? deps.now() : lastAt + minGapMs);
    }
  }

  return {
    passEnded() {
      if (running) {
        again = true;
        return;
      }
      plan(lastAt === null ? deps.now() : lastAt + minGapMs);
    },
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer.handle);
      timer = null;
    },
  };
}
