// Home's list, kept current: the newest page of rows (more on request), one row refreshed when one
// story changes (never the whole list), and the counts from indexes. Reads coalesce and are stamped,
// so an older read never overwrites a newer one and none brings titles back after a lock.
import { type Signal, signal } from '@preact/signals';
import type { StoryDb } from '../../store/db.ts';
import { countSentSince } from '../../store/send/receipts.ts';
import { countSummaries } from '../../store/story/summaries.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { StoryCounts, StorySummary } from '../../ui/actions.ts';
import { newestFirst, readOne, readSummaries } from './summaries.ts';

export const PAGE_SIZE = 50;
const NO_STORIES: StoryCounts = {
  total: 0,
  today: 0,
  collectedToday: 0,
  sentToday: 0,
  sentThisSession: null,
  month: { onBehalf: 0, all: 0 },
  allTime: { onBehalf: 0, all: 0 },
};

export type StoryList = {
  stories: Signal<StorySummary[]>;
  counts: Signal<StoryCounts>;
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
  sessionStartedAt: () => number | null,
): StoryList {
  const stories = signal<StorySummary[]>([]);
  const counts = signal<StoryCounts>(NO_STORIES);
  let shown = PAGE_SIZE;
  let generation = 0;
  let reading: Promise<void> | null = null;
  let again = false;

  const recount = async (stamp: number) => {
    const at = now();
    const since = sessionStartedAt();
    // Real sends (receipts) since midnight and since the session started: a reload cannot reset them.
    const [tally, sentToday, sentThisSession] = await Promise.all([
      countSummaries(db, at),
      countSentSince(db, startOfDay(at)),
      since === null ? null : countSentSince(db, since),
    ]);
    if (isUnlocked() && stamp === generation) counts.value = { ...tally, sentToday, sentThisSession };
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

function startOfDay(now: number): number {
  const day = new Date(now);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
}
