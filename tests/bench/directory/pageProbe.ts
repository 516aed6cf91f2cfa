// Runs inside the app's page (bundled by esbuild and added as an init script): reads the app's
// own IndexedDB, times the app's search over the stored directory, and times real keystrokes.

import { LOAD_MARK, READY_MARK } from '../../../src/app/directory/directoryMarks.ts';
import { buildIndex, type ServiceIndex, searchServices } from '../../../src/domain/directory/search.ts';
import type { Service } from '../../../src/domain/directory/service.ts';

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

/** From this page's navigation: when Home showed, when the picker showed its first option, long tasks. */
export type StartFigures = {
  homeAt: number;
  /** The first key typed into the picker. */
  typedAt: number;
  optionAt: number;
  longTasks: { at: number; ms: number }[];
  /** The app's own marks (src/app/directory/directory.ts): the last directory load's start and end. */
  loadAt: number;
  readyAt: number;
};

/** A new iPad's directory through the relay, in this page's clock (issue 25 item 5). */
export type RelayReady = {
  /** The app's GET …/directory left the page (after the bench let it go). */
  requestAt: number;
  /** Its answer's headers arrived. */
  responseAt: number;
  /** The directory opened in the worker (the app's mark after that download): search-ready. */
  readyAt: number;
  /** The picker's first option: the first search answer with a service in it. */
  foundAt: number;
  /** Searches the picker asked before that one. */
  asked: number;
};

export type PageProbe = {
  startFigures(): StartFigures;
  holdDirectory(): void;
  releaseDirectory(): boolean;
  askUntilFound(query: string): boolean;
  relayReady(): RelayReady;
  timeWorkerLoad(url: string): Promise<{ loadMs: number; count: number; searchMs: number }>;
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
 * keydown (capture, earliest) → input at the document (after the picker's handler) → the listbox
 * answering that input (search runs in a worker: the listbox is aria-busy until its answer is
 * shown; its last mutation is `dom`) → the next animation frame.
 */
function installKeystrokeProbe(): boolean {
  const list = document.querySelector('[role="listbox"]');
  if (!list) return false;
  let pending: Keystroke | null = null;
  let answered: (() => void) | null = null;
  window.addEventListener(
    'keydown',
    () => {
      pending = { down: performance.now(), input: 0, dom: 0, frame: 0 };
    },
    true,
  );
  new MutationObserver(() => {
    if (pending) pending.dom = performance.now();
    if (list.getAttribute('aria-busy') !== 'true') answered?.();
  }).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
  const frameAfter = (current: Keystroke) =>
    requestAnimationFrame(() => {
      current.frame = performance.now();
      keystrokes.push(current);
      if (pending === current) pending = null;
    });
  document.addEventListener('input', () => {
    const current = pending;
    if (!current) return;
    current.input = performance.now();
    // After Preact's render of this input: either already answered, or wait for the answer.
    setTimeout(() => {
      if (list.getAttribute('aria-busy') !== 'true') return frameAfter(current);
      answered = () => {
        answered = null;
        frameAfter(current);
      };
    });
  });
  return true;
}

function takeKeystrokes(): Keystroke[] {
  return keystrokes.splice(0);
}

// Watched from the start of every page (this script is an init script): Home's "New story"
// button appearing, the picker's first option appearing, and every long task (≥ 50 ms).
const startWatch: StartFigures = { homeAt: 0, typedAt: 0, optionAt: 0, longTasks: [], loadAt: 0, readyAt: 0 };
document.addEventListener(
  'input',
  (event) => {
    const inPicker = (event.target as Element | null)?.getAttribute('role') === 'combobox';
    if (inPicker && startWatch.typedAt === 0) startWatch.typedAt = performance.now();
  },
  true,
);
const markAt = (name: string) => performance.getEntriesByName(name, 'mark').at(-1)?.startTime ?? 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    startWatch.longTasks.push({ at: entry.startTime, ms: entry.duration });
}).observe({ type: 'longtask', buffered: true });
const watcher = new MutationObserver(() => {
  if (startWatch.homeAt === 0 && document.querySelector('main[aria-labelledby="home-title"] button')) {
    startWatch.homeAt = performance.now();
  }
  if (startWatch.optionAt === 0 && document.querySelector('[role="option"]')) {
    startWatch.optionAt = performance.now();
    watcher.disconnect();
  }
});
watcher.observe(document, { subtree: true, childList: true });

/**
 * A second directory worker, started in the app's page from the app's own built file (`url`):
 * how long it takes to open the stored index and answer a first search.
 */
async function timeWorkerLoad(url: string): Promise<{ loadMs: number; count: number; searchMs: number }> {
  const worker = new Worker(url, { type: 'module' });
  const ask = (message: object) =>
    new Promise<{ count?: number }>((resolve) => {
      worker.onmessage = (event) => resolve(event.data);
      worker.postMessage(message);
    });
  const begin = performance.now();
  const loaded = await ask({ id: 1, kind: 'load' });
  const loadMs = performance.now() - begin;
  const asked = performance.now();
  await ask({ id: 2, kind: 'search', query: 'therese st marys' });
  const searchMs = performance.now() - asked;
  worker.terminate();
  return { loadMs, count: loaded.count ?? 0, searchMs };
}

// The app's whole-directory request (GET …/api/v2/directory, to a relay) can be held until the
// bench has the picker open with a query typed, so the time runs from the request leaving.
const relay: RelayReady = { requestAt: 0, responseAt: 0, readyAt: 0, foundAt: 0, asked: 0 };
let held: { release: () => void; waiting: boolean } | null = null;
const pageFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!/\/api\/v2\/directory(\?|$)/.test(url)) return pageFetch(input, init);
  const gate = held;
  if (gate) {
    await new Promise<void>((resolve) => {
      gate.release = resolve;
      gate.waiting = true;
    });
  }
  relay.requestAt = performance.now();
  const response = await pageFetch(input, init);
  relay.responseAt = performance.now();
  return response;
};

function holdDirectory(): void {
  held = { release: () => {}, waiting: false };
}

/** Lets the held request go; false if the app had not asked yet. */
function releaseDirectory(): boolean {
  const gate = held;
  held = null;
  gate?.release();
  return gate?.waiting === true;
}

/**
 * Asks the picker `query` again each time it answers with nothing (as someone would retype it),
 * until its first option shows; `relayReady` then has the times.
 */
function askUntilFound(query: string): boolean {
  const field = document.querySelector<HTMLInputElement>('[role="combobox"]');
  const list = document.querySelector('[role="listbox"]');
  if (!field || !list) return false;
  const ask = () => {
    relay.asked++;
    field.value = query;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const observer = new MutationObserver(() => {
    if (relay.foundAt !== 0) return;
    if (list.querySelector('[role="option"]')) {
      relay.foundAt = performance.now();
      relay.readyAt = markAt(READY_MARK);
      observer.disconnect();
    } else if (list.getAttribute('aria-busy') !== 'true') setTimeout(ask, 5);
  });
  observer.observe(list, { subtree: true, childList: true, attributes: true });
  ask();
  return true;
}

const probe: PageProbe = {
  holdDirectory,
  releaseDirectory,
  askUntilFound,
  relayReady: () => ({ ...relay }),
  startFigures: () => ({ ...startWatch, loadAt: markAt(LOAD_MARK), readyAt: markAt(READY_MARK) }),
  timeWorkerLoad,
  readMeta,
  loadServices,
  buildBenchIndex,
  timeQueries,
  installKeystrokeProbe,
  takeKeystrokes,
};
(globalThis as unknown as { storyBench: PageProbe }).storyBench = probe;
