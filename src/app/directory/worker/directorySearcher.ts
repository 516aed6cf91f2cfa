// The directory search as it runs inside the directory worker (directoryWorker.ts): opens the
// stored index of the active directory (building and storing it when there is none yet), keeps
// how often each service was chosen here, and answers searches. Off the page's main thread, so
// loading 50,000 services never holds up a keystroke or a screen.
import {
  buildIndex,
  preferenceOf,
  type SearchResult,
  searchServices,
} from '../../../domain/directory/search.ts';
import type { ServiceIndex } from '../../../domain/directory/serviceIndex.ts';
import type { StoryDb } from '../../../store/db.ts';
import {
  getChosenServices,
  getDirectoryState,
  listServices,
  noteServiceChosen,
} from '../../../store/directory/directory.ts';
import { getStoredIndex, putStoredIndex } from '../../../store/directory/directoryIndex.ts';

export type DirectorySearcher = {
  /** (Re)opens the active directory's index; resolves with how many services it holds. */
  load(): Promise<number>;
  /** Searches `next` from now (a first directory while it is stored); the next load reads the store again. */
  use(next: ServiceIndex): Promise<number>;
  /** Waits for a load in progress, then searches (nothing before the first load). */
  search(query: string, type?: string): Promise<SearchResult[]>;
  chosen(nacs: string): Promise<void>;
};

export function createDirectorySearcher(db: StoryDb): DirectorySearcher {
  let index: ServiceIndex | null = null;
  let preferred: Uint8Array | undefined;
  let loading: Promise<unknown> = Promise.resolve();

  async function open(): Promise<number> {
    const { activeGen } = await getDirectoryState(db);
    let next = activeGen === 0 ? null : await getStoredIndex(db, activeGen);
    if (activeGen !== 0 && next === null) {
      next = buildIndex(await listServices(db));
      await putStoredIndex(db, activeGen, next);
    }
    index = next;
    preferred = next ? preferenceOf(next, await getChosenServices(db)) : undefined;
    return next?.services.count ?? 0;
  }

  return {
    load() {
      const next = loading.then(open, open);
      loading = next.catch(() => undefined); // its caller has the failure; the next load starts afresh
      return next;
    },
    use(next) {
      const using = loading.then(async () => {
        index = next;
        preferred = preferenceOf(next, await getChosenServices(db));
        return next.services.count;
      });
      loading = using.catch(() => undefined); // its caller has the failure; the next load starts afresh
      return using;
    },
    async search(query, type) {
      await loading;
      return index ? searchServices(index, query, type ? { type, preferred } : { preferred }) : [];
    },
    async chosen(nacs) {
      const counts = await noteServiceChosen(db, nacs);
      if (index) preferred = preferenceOf(index, counts);
    },
  };
}
