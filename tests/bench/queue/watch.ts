// Watches our runner from outside: its timers, its requests in flight and its last sign of life, to
// tell a queue that is waiting (a timer is set, or a request is out) from one that has stalled.
import type { Client } from '../../../src/sync/client.ts';

/** Nothing in flight, no timer set and no status for this long: the runner has stopped by itself. */
export const STALL_MS = 2_000;

export type Watch = {
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
  client(inner: Client): Client;
  /** Something happened (a status, a change). */
  alive(): void;
  stalled(now: number): boolean;
  timerFires(): number;
};

export function createWatch(): Watch {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let inFlight = 0;
  let lastSign = Date.now();
  let fires = 0;
  return {
    setTimer(run, ms) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        fires++;
        lastSign = Date.now();
        run();
      }, ms);
      timers.add(timer);
      return timer;
    },
    clearTimer(timer) {
      clearTimeout(timer as ReturnType<typeof setTimeout>);
      timers.delete(timer as ReturnType<typeof setTimeout>);
    },
    client(inner) {
      return {
        async request(connection, path, options) {
          inFlight++;
          try {
            return await inner.request(connection, path, options);
          } finally {
            inFlight--;
            lastSign = Date.now();
          }
        },
      };
    },
    alive() {
      lastSign = Date.now();
    },
    stalled(now) {
      return timers.size === 0 && inFlight === 0 && now - lastSign > STALL_MS;
    },
    timerFires: () => fires,
  };
}
