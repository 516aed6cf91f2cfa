// Home's list, kept current: the newest page of rows (more on request), one row refreshed when one
// story changes (never the whole list), and the counts from indexes. Reads coalesce and are stamped,
// so an older read never overwrites a newer one and none brings titles back after a lock.
import { type Signal, signal } from '@preact/signals';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import { countSummaries, type Tally } from '../store/summaries.ts';
import type { StorySummary } from '../ui/actions.ts';
import { newestFirst, readOne, readSummaries } from './summaries.ts';

export const PAGE_SIZE = 50;
const NO_STORIES: Tally = {
  total: 0,
  today: 0,
  month: { onBehalf: 0, all: 0 },
  allTime: { onBehalf: 0, all: 0 },
};

export type StoryList = {
  stories: Signal<StorySummary[]>;
  counts: Signal<Tally>;
  reload(): Promise<void>;
  refreshOne(id: string): Promise<void>;
  showMore(): Promise<void>;
  clear(): void;
};

export function createStoryList(
  db: StoryDb,
  cipher: Cipher,
  isUnlocked: () => boolean,
  now: () => number,
): StoryList {
  const stories = signal<StorySummary[]>([]);
  const counts = signal<Tally>(NO_STORIES);
  let shown = PAGE_SIZE;
  let generation = 0;
  let reading: Promise<void> | null = null;
  let again = false;

  const recount = async (stamp: number) => {
    const tally = await countSummaries(db, now());
    if (isUnlocked() && stamp === generation) counts.value = tally;
  };
  const reload = async (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        if (!isUnlocked()) return;
        const stamp = ++generation;
        const [read] = await Promise.all([readSummaries(db, cipher, 0, shown), recount(stamp)]);
        if (isUnlocked() && stamp === generation) stories.value = read;
      } while (again);
    })().finally(() => {
      reading = null;
    });
    return reading;
  };
  const refreshOne = async (id: string) => {
    if (!isUnlocked()) return;
    const stamp = generation;
    const [row] = await Promise.all([readOne(db, cipher, id), recount(stamp)]);
    if (!isUnlocked()) return;
    if (stamp !== generation || reading) return void (await reload());
    const rest = stories.value.filter((s) => s.id !== id);
    stories.value = (row ? [row, ...rest] : rest).sort(newestFirst);
  };
  return {
    stories,
    counts,
    reload,
    refreshOne,
    async showMore() {
      if (!isUnlocked()) return;
      const stamp = generation;
      const more = await readSummaries(db, cipher, stories.value.length, PAGE_SIZE);
      if (!isUnlocked() || stamp !== generation) return;
      shown = stories.value.length + more.length;
      const known = new Set(stories.value.map((s) => s.id));
      stories.value = [...stories.value, ...more.filter((s) => !known.has(s.id))].sort(newestFirst);
    },
    clear() {
      generation++;
      shown = PAGE_SIZE;
      stories.value = [];
      counts.value = NO_STORIES;
    },
  };
}
