// The data layer (data.ts: Dexie, stories, the queue, the directory) as the features see it before it
// is loaded: `withData` waits for it, `data` is null until then. It is loaded with import() after
// the first render, while the Lock screen shows, so none of it is in the first download.
import { type ReadonlySignal, signal } from '@preact/signals';
import type { Data, DataDeps } from './data.ts';

export type DataLoader = {
  data: ReadonlySignal<Data | null>;
  /** Runs `use` once the data layer is loaded (in practice long before the PIN is typed). */
  withData<T>(use: (data: Data) => T | Promise<T>): Promise<T>;
  /** Loads and opens the data layer; the actions waiting for it go ahead. */
  load(deps: DataDeps): Promise<Data>;
};

export function createDataLoader(): DataLoader {
  const data = signal<Data | null>(null);
  let resolve: (value: Data) => void = () => {};
  const promise = new Promise<Data>((done) => {
    resolve = done;
  });
  return {
    data,
    withData: (use) => promise.then(use),
    async load(deps) {
      // The database (Dexie) first, in a task of its own: evaluating the whole data layer in one go
      // was the longest task of a first visit (76 ms unthrottled, Lighthouse's worst blocking task).
      await import('../store/db.ts');
      const { openData } = await import('./data.ts');
      await nextTask(); // opening it, in another task again
      data.value = openData(deps);
      resolve(data.value);
      return data.value;
    },
  };
}

type Method = (...args: never[]) => unknown;
type Later<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

/** The methods `names` of the part `pick` chooses in the data layer, each waiting for it to load. */
export function whenLoaded<T extends Record<K, Method>, K extends keyof T>(
  loader: DataLoader,
  pick: (data: Data) => T,
  names: readonly K[],
): Later<Pick<T, K>> {
  const entries = names.map((name) => [
    name,
    (...args: never[]) => loader.withData((data) => pick(data)[name](...args)),
  ]);
  return Object.fromEntries(entries) as Later<Pick<T, K>>;
}

/** Resolves in a later task, so the work after it does not lengthen the one running now. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
