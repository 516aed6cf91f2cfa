// Runs inside the app's page (bundled by esbuild and added as an init script): reads the app's
// own IndexedDB, times the app's search over the stored directory, and times real keystrokes.
import { buildIndex, type ServiceIndex, searchServices } from '../../../src/domain/search.ts';
import type { Service } from '../../../src/domain/service.ts';

const DB_NAME = 'story-collector';

export type DirectoryMeta = {
  count: number;
  activeGen: number;
  fetched: number | null;
  total: number | null;
};
export type SearchTimes = { times: number[]; sample: Record<string, string[]> };
/** One keystroke in the picker: keydown, input handled (search + render), listbox change, next frame. */
export type Keystroke = { down: number; input: number; dom: number; frame: number };

export type PageProbe = {
  readMeta(): Promise<DirectoryMeta | null>;
  loadServices(): Promise<number>;
  buildBenchIndex(): number;
  timeQueries(queries: readonly string[], show: readonly string[]): SearchTimes;
  installKeystrokeProbe(): boolean;
  takeKeystrokes(): Keystroke[];
};

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Opens the app's database only if the app has created it (opening would create it otherwise). */
async function openExisting(): Promise<IDBDatabase | null> {
  const dbs = await indexedDB.databases();
  if (!dbs.some((d) => d.name === DB_NAME)) return null;
  const db = await done(indexedDB.open(DB_NAME));
  db.onversionchange = () => db.close();
  if (db.objectStoreNames.contains('meta') && db.objectStoreNames.contains('services')) return db;
  db.close();
  return null;
}

type StateRow = {
  value?: { count?: number; activeGen?: number; job?: { fetched?: number; totalEstimate?: number } };
};

async function readMeta(): Promise<DirectoryMeta | null> {
  const db = await openExisting();
  if (!db) return null;
  try {
    const row = (await done(db.transaction('meta').objectStore('meta').get('directory'))) as
      | StateRow
      | undefined;
    const state = row?.value ?? {};
    return {
      count: state.count ?? 0,
      activeGen: state.activeGen ?? 0,
      fetched: state.job ? (state.job.fetched ?? 0) : null,
      total: state.job?.totalEstimate ?? null,
    };
  } finally {
    db.close();
  }
}

let services: Service[] = [];
let index: ServiceIndex | null = null;

async function loadServices(): Promise<number> {
  const meta = await readMeta();
  const db = await openExisting();
  if (!db || !meta) return 0;
  try {
    const store = db.transaction('services').objectStore('services');
    const rows = (await done(store.index('gen').getAll(meta.activeGen))) as (Service & { gen?: number })[];
    services = rows.map(({ gen: _gen, ...service }) => service);
    return services.length;
  } finally {
    db.close();
  }
}

function buildBenchIndex(): number {
  const start = performance.now();
  index = buildIndex(services);
  return performance.now() - start;
}

/** Times searchServices for every prefix of every query, as typed one key at a time. */
function timeQueries(queries: readonly string[], show: readonly string[]): SearchTimes {
  const built = index ?? buildIndex(services);
  const times: number[] = [];
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const start = performance.now();
      searchServices(built, query.slice(0, n));
      times.push(performance.now() - start);
    }
  }
  const sample: Record<string, string[]> = {};
  for (const q of show) sample[q] = searchServices(built, q, { limit: 3 }).map((r) => r.service.name);
  return { times, sample };
}

const keystrokes: Keystroke[] = [];

/**
 * keydown (capture, earliest) → input at the document (after the picker's handler and Preact's
 * microtask render) → the listbox's last mutation → the next animation frame.
 */
function installKeystrokeProbe(): boolean {
  const list = document.querySelector('[role="listbox"]');
  if (!list) return false;
  let pending: Keystroke | null = null;
  window.addEventListener(
    'keydown',
    () => {
      pending = { down: performance.now(), input: 0, dom: 0, frame: 0 };
    },
    true,
  );
  new MutationObserver(() => {
    if (pending) pending.dom = performance.now();
  }).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('input', () => {
    const current = pending;
    if (!current) return;
    current.input = performance.now();
    requestAnimationFrame(() => {
      current.frame = performance.now();
      keystrokes.push(current);
      if (pending === current) pending = null;
    });
  });
  return true;
}

function takeKeystrokes(): Keystroke[] {
  return keystrokes.splice(0);
}

const probe: PageProbe = {
  readMeta,
  loadServices,
  buildBenchIndex,
  timeQueries,
  installKeystrokeProbe,
  takeKeystrokes,
};
(globalThis as unknown as { storyBench: PageProbe }).storyBench = probe;
