// Keeps the relay's copy of the directory fresh from upstream, within the shared rate: a full
// copy weekly, services added since the last refresh daily, or now when the admin asks. One
// instance at a time (a lease in the database), so two instances never fetch it twice.
import type { Logger } from 'pino';
import type { Leases } from '../leases.ts';
import type { Upstream } from '../upstream.ts';
import type { DirectoryStore } from './store.ts';

export const DAY = 24 * 60 * 60 * 1000;
export const FULL_EVERY = 7 * DAY;
export const INCREMENTAL_EVERY = DAY;
const PAGE = 100;
const LEASE = 'directory-refresh';
const LEASE_MS = 5 * 60_000;
const MAX_BUSY_RETRIES = 10;

export type RefreshKind = 'full' | 'incremental';
export type RefreshResult =
  | { ok: true; count: number }
  | { ok: false; error: 'upstream-key-refused' | 'upstream-unavailable' | 'stopped' };

/** The relay is shutting down: the refresh stops between pages and leaves the copy as it was. */
class Stopped extends Error {}

class RefreshFailed extends Error {
  constructor(readonly reason: 'upstream-key-refused' | 'upstream-unavailable') {
    super(reason);
  }
}

export type RefresherDeps = {
  store: DirectoryStore;
  upstream: Upstream;
  leases: Leases;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  log: Logger;
};

export function createRefresher({ store, upstream, leases, now, sleep, log }: RefresherDeps) {
  let stopping = false;

  async function fetchPage(query: string, renew: () => Promise<void>): Promise<unknown[]> {
    for (let attempt = 0; ; attempt++) {
      const answer = await upstream.request(`/healthservices?${query}`);
      await renew();
      if (answer.kind === 'json' && answer.status === 200 && Array.isArray(answer.body)) return answer.body;
      if (answer.kind === 'refused') throw new RefreshFailed('upstream-key-refused');
      if (answer.kind !== 'busy' || attempt >= MAX_BUSY_RETRIES)
        throw new RefreshFailed('upstream-unavailable');
      await sleep(answer.retryAfter * 1000);
    }
  }

  async function fetchAll(filter: string, renew: () => Promise<void>): Promise<unknown[]> {
    const items: unknown[] = [];
    for (let skip = 0; ; skip += PAGE) {
      if (stopping) throw new Stopped();
      const page = await fetchPage(`${filter}skip=${skip}&take=${PAGE}`, renew);
      if (page.length === 0) return items; // API.md: an empty array means the end
      items.push(...page);
    }
  }

  async function run(kind: RefreshKind, renew: () => Promise<void>): Promise<number> {
    if (kind === 'full') {
      await store.replaceAll(await fetchAll('', renew));
    } else {
      const state = await store.state();
      const since = Date.parse(state.incrementalAt ?? state.fullAt ?? new Date(0).toISOString());
      // A day's overlap: upstream's addedAfter is a date, and an upsert of a known service is harmless.
      const date = new Date(since - DAY).toISOString().slice(0, 10);
      await store.upsert(await fetchAll(`addedAfter=${date}&`, renew));
    }
    return (await store.state()).count;
  }

  return {
    /** Takes the lease and starts a refresh; null when another one (on any instance) is running. */
    async begin(kind: RefreshKind): Promise<{ done: Promise<RefreshResult> } | null> {
      const owner = await leases.acquire(LEASE, LEASE_MS);
      if (!owner) return null;
      const done = run(kind, () => leases.renew(LEASE, owner, LEASE_MS))
        .then((count): RefreshResult => ({ ok: true, count }))
        .catch(async (error: unknown): Promise<RefreshResult> => {
          if (error instanceof Stopped) return { ok: false, error: 'stopped' };
          if (!(error instanceof RefreshFailed)) throw error;
          await store.failed(error.reason);
          return { ok: false, error: error.reason };
        })
        .then((result) => {
          const fields = { kind, ok: result.ok, error: result.ok ? undefined : result.error };
          if (!result.ok && result.error === 'upstream-key-refused') {
            // An audit event: the organisation's key stopped working (admin page, DEPLOY.md).
            log.error(
              { ...fields, event: 'upstream-key-refused', during: 'directory-refresh' },
              'directory refresh ended: Care Opinion did not accept the key',
            );
          } else log.info(fields, 'directory refresh ended');
          return result;
        })
        .finally(() => leases.release(LEASE, owner));
      return { done };
    },

    /** Which refresh is due now, if any. */
    async due(): Promise<RefreshKind | null> {
      const state = await store.state();
      const at = now();
      if (!state.fullAt || at - Date.parse(state.fullAt) >= FULL_EVERY) return 'full';
      const last = Date.parse(state.incrementalAt ?? state.fullAt);
      return at - last >= INCREMENTAL_EVERY ? 'incremental' : null;
    },

    isRefreshing: () => leases.isHeld(LEASE),

    /** At shutdown: a refresh running here stops before its next page. */
    stop() {
      stopping = true;
    },
  };
}

export type Refresher = ReturnType<typeof createRefresher>;
