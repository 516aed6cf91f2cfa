// The service directory as the app uses it: search in a worker over the stored directory (so the
// page never waits while 50,000 services load), and the refresh that keeps it current (first run,
// settings saved, back online).
import { type Signal, signal } from '@preact/signals';
import type { SearchResult } from '../../domain/directory/search.ts';
import { connectionOf } from '../../domain/settings/relay.ts';
import type { Settings } from '../../domain/settings/settings.ts';
import type { StoryDb } from '../../store/db.ts';
import { getDirectoryState } from '../../store/directory/directory.ts';
import type { Client } from '../../sync/client.ts';
import type { DirectoryProgress, RefreshOutcome } from '../../sync/directory/directory.ts';
import { realSleep } from '../../sync/rateLimiter.ts';
import type { DirectoryStatus } from '../../ui/actions.ts';
import { connectWorker } from './directoryClient.ts';
import { LOAD_MARK, READY_MARK } from './directoryMarks.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type DirectoryController = {
  status: Signal<DirectoryStatus>;
  refresh(settings: Settings, forceFull: boolean): Promise<void>;
  /** A refresh only when due: never run, interrupted, or a day since the last one. */
  refreshIfDue(settings: Settings): Promise<void>;
  cancel(): void;
  search(query: string, type?: string): Promise<SearchResult[]>;
  /** A service was chosen in the picker: search prefers it from now on. */
  chosen(nacs: string): Promise<void>;
  load(): Promise<void>;
};

/** `reportError`: the app's one error handler (a stored directory that could not be read back). */
export function createDirectory(
  db: StoryDb,
  client: Client,
  reportError: (error: unknown) => void,
): DirectoryController {
  // The worker (search) and the refresher load on demand (precached), outside the first download.
  let worker: ReturnType<typeof connectWorker> | null = null;
  const searcher = () => {
    worker ??= connectWorker(
      () =>
        new Worker(new URL('./worker/directoryWorker.ts', import.meta.url), {
          type: 'module',
          name: 'directory',
        }),
    );
    return worker;
  };
  let running: AbortController | null = null;
  const status = signal<DirectoryStatus>({ phase: 'idle', count: 0, ready: false });

  async function load(): Promise<void> {
    // The count first (one small read), so the picker can say it is loading rather than empty.
    const state = await getDirectoryState(db);
    status.value = {
      ...status.value,
      count: state.count,
      lastRefreshAt: state.lastRefreshAt,
      interrupted: state.job !== undefined,
    };
    // Marks for the directory bench: how long opening takes, and where it stands against the unlock.
    performance.mark(LOAD_MARK);
    const answer = await searcher().request({ kind: 'load' });
    performance.mark(READY_MARK);
    status.value = { ...status.value, ready: answer.kind === 'loaded' };
  }

  async function refresh(settings: Settings, forceFull: boolean): Promise<void> {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    status.value = { ...status.value, phase: 'refreshing', progress: undefined, problem: undefined };
    let outcome: RefreshOutcome;
    try {
      const { refreshDirectory } = await import('../../sync/directory/directory.ts');
      outcome = await refreshDirectory(
        { db, client, now: Date.now, sleep: realSleep, random: Math.random },
        {
          connection: connectionOf(settings),
          fullEveryDays: settings.directoryRefreshDays,
          forceFull,
          signal: controller.signal,
          onProgress: (progress: DirectoryProgress) => {
            if (running === controller) status.value = { ...status.value, progress };
          },
          onFirstIndex: async (index) => {
            // A worker that could not take it is the one handler's to show; the download is still stored.
            const answer = await searcher()
              .request({ kind: 'use', index })
              .catch((error: unknown) => {
                reportError(error);
                return null;
              });
            if (running === controller && answer?.kind === 'loaded')
              status.value = { ...status.value, ready: true };
          },
        },
      );
    } catch {
      // A full disk while writing a page, or a failed chunk load: say so, and let the next try start.
      outcome = { ok: false, problem: 'unreachable' };
    }
    if (running !== controller) return; // a newer refresh took over
    running = null;
    await load().catch(reportError);
    status.value = outcome.ok
      ? { ...status.value, phase: 'idle', progress: undefined }
      : { ...status.value, phase: outcome.problem === 'cancelled' ? 'idle' : 'failed', problem: outcome };
  }

  return {
    status,
    refresh,
    async refreshIfDue(settings) {
      if (settings.apiAddress === '' || running) return;
      const state = await getDirectoryState(db);
      const due =
        state.activeGen === 0 || state.job !== undefined || Date.now() - (state.lastRefreshAt ?? 0) > DAY_MS;
      if (due) await refresh(settings, false);
    },
    cancel() {
      running?.abort();
    },
    async search(query, type) {
      const answer = await searcher().request({ kind: 'search', query, type });
      return answer.kind === 'results' ? answer.results : [];
    },
    async chosen(nacs) {
      await searcher().request({ kind: 'chosen', nacs });
    },
    load,
  };
}
