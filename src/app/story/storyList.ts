// Home's list, kept current: the newest page of rows (more on request), one row refreshed when one
// story changes (never the whole list), and the counts from indexes. Reads coalesce and are stamped,
// so an older read never overwrites a newer one and none brings titles back after a lock.
// The list never waits for a count. Counting the whole table walks every row (seconds at 50,000
// stories, and it holds up the next save while it reads): it runs apart, after a reload, and a
// change to one story adjusts the total by the row it saw come or go instead.
import { type Signal, signal } from '@preact/signals';
import type { StoryDb } from '../../store/db.ts';
import { countSentSince } from '../../store/send/receipts.ts';
import { countRecent, countWhole } from '../../store/story/summaries.ts';
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

  let whole: Promise<void> | null = null;
  let wholeAgain = false;

  /** Today's and this month's counts and the sends (index ranges bounded by time: quick). */
  const recount = async (stamp: number) => {
    const at = now();
    const since = sessionStartedAt();
    // Real sends (receipts) since midnight and since the session started: a reload cannot reset them.
    const [recent, sentToday, sentThisSession] = await Promise.all([
      countRecent(db, at),
      countSentSince(db, startOfDay(at)),
      since === null ? null : countSentSince(db, since),
    ]);
    if (isUnlocked() && stamp === generation)
      counts.value = { ...counts.value, ...recent, sentToday, sentThisSession };
  };
  /** The total and the all-time share, in the background; again if the list changed meanwhile. */
  const countAll = (): Promise<void> => {
    if (whole) {
      wholeAgain = true;
      return whole;
    }
    whole = (async () => {
      do {
        wholeAgain = false;
        if (!isUnlocked()) return;
        const stamp = generation;
        const tally = await countWhole(db);
        if (isUnlocked() && stamp === generation && !wholeAgain) counts.value = { ...counts.value, ...tally };
      } while (wholeAgain);
    })().finally(() => {
      whole = null;
    });
    return whole;
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
        const counting = recount(stamp);
        const read = await readSummaries(db, cipher, 0, shown);
        if (isUnlocked() && stamp === generation) stories.value = read;
        await counting;
      } while (again);
    })().finally(() => {
      reading = null;
    });
    await reading;
    void countAll();
  };
  /**
   * What one story's change did to the whole-table counts: a row come or gone (drafts) moves the
   * total by one; anything that may have moved the all-time share, or a row outside the page,
   * counts the table again in the background.
   */
  const adjustWhole = (before: StorySummary | undefined, after: StorySummary | null, oldest: number) => {
    const draftOrNone = (s: StorySummary | null | undefined) => !s || s.state === 'draft';
    const inPage = before !== undefined || (after !== null && after.createdAt >= oldest);
    if (!inPage || !draftOrNone(before) || !draftOrNone(after)) return void countAll();
    const step = (after ? 1 : 0) - (before ? 1 : 0);
    if (step === 0) return;
    if (whole) wholeAgain = true; // a count in flight may or may not have seen this change
    counts.value = { ...counts.value, total: Math.max(0, counts.value.total + step) };
  };
  const refreshOne = async (id: string) => {
    if (!isUnlocked()) return;
    const stamp = generation;
    const [row] = await Promise.all([readOne(db, cipher, id), recount(stamp)]);
    if (!isUnlocked()) return;
    if (stamp !== generation || reading) return void (await reload());
    const before = stories.value.find((s) => s.id === id);
    const rest = stories.value.filter((s) => s.id !== id);
    stories.value = (row ? [row, ...rest] : rest).sort(newestFirst);
    const oldest = rest.length < shown ? Number.NEGATIVE_INFINITY : (rest.at(-1)?.createdAt ?? 0);
    adjustWhole(before, row, oldest);
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
      wholeAgain = false;
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
