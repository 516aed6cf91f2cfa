// The relay's own chores, checked every few minutes on each instance: refresh the directory when a
// full (weekly) or added-since (daily) copy is due — the lease lets one instance do it — and
// forget idempotency records and deliveries older than 30 days. And at start and every hour,
// ask Care Opinion whether it still accepts the key (a refusal is logged at error).
import { errorFields } from './http.ts';
import type { RelayServices } from './services.ts';

export const CHECK_EVERY_MS = 10 * 60_000;
export const KEY_CHECK_EVERY_MS = 60 * 60_000;

export function startSchedule(services: RelayServices, everyMs = CHECK_EVERY_MS): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await services.idempotency.prune();
      const kind = await services.refresher.due();
      if (kind) await (await services.refresher.begin(kind))?.done;
    } catch (error) {
      services.log.error(errorFields(error), 'scheduled chore failed');
    }
  };
  const checkKey = () =>
    void services
      .checkKey('key-check')
      .catch((error: unknown) => services.log.error(errorFields(error), 'key check failed'));
  checkKey();
  const keyTimer = setInterval(checkKey, KEY_CHECK_EVERY_MS);
  keyTimer.unref();
  const run = () => {
    running = running.then(tick);
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(keyTimer);
      await running;
    },
  };
}
