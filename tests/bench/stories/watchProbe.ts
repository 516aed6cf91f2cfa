// Runs in the app's page from its first script: times Home's story list (navigation, the Unlock
// submit, the first row, all rows) and a list change after a click, with a MutationObserver.
// All times are performance.now(), i.e. milliseconds since navigation start.
import { PAGE_SIZE } from '../../../src/app/story/storyList.ts';

export const EXPECTED_KEY = 'storiesBench.expected';

export type ListLoad = {
  submitAt: number | null;
  /** Home's heading appeared: the lock has let the app through (the list is read after this). */
  homeAt: number | null;
  firstRowAt: number | null;
  /** The newest page of rows shown (Home reads no more until "Show more"). */
  pageAt: number | null;
  /** The list and its count ("Showing the newest 50 of 50,150."): the whole table counted. */
  completeAt: number | null;
  rows: number;
};
export type ListChange = { clickAt: number | null; doneAt: number | null; rows: number; newest: string[] };

const rowCount = () => document.querySelector('ul.story-list')?.childElementCount ?? 0;

/**
 * The stories the list stands for: Home may show only the newest page of them with "Showing the
 * newest 50 of 5,150." (StoryList's PAGE_SIZE); otherwise every row is in the list.
 */
function listTotal(): number {
  const more = document.querySelector('.story-list-more')?.textContent ?? '';
  const match = /of ([\d,]+)/.exec(more);
  return match?.[1] ? Number(match[1].replace(/,/g, '')) : rowCount();
}

function watchBody(check: () => void): MutationObserver {
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  return observer;
}

const load: ListLoad = {
  submitAt: null,
  homeAt: null,
  firstRowAt: null,
  pageAt: null,
  completeAt: null,
  rows: 0,
};

/** Armed at document start when Node left the expected row count in localStorage. */
export function armLoad(): void {
  const expected = Number(localStorage.getItem(EXPECTED_KEY) ?? 0);
  if (!expected) return;
  window.addEventListener(
    'submit',
    () => {
      load.submitAt ??= performance.now();
    },
    true,
  );
  const start = () => {
    const observer = watchBody(() => {
      if (document.getElementById('home-title')) load.homeAt ??= performance.now();
      const rows = rowCount();
      if (rows > 0) load.firstRowAt ??= performance.now();
      if (rows >= Math.min(expected, PAGE_SIZE)) load.pageAt ??= performance.now();
      load.rows = rows;
      if (rows > 0 && listTotal() >= expected && load.completeAt === null) {
        load.completeAt = performance.now();
        observer.disconnect();
      }
    });
  };
  if (document.documentElement) start();
  else document.addEventListener('DOMContentLoaded', start);
}

export const listLoad = (): ListLoad => ({ ...load, rows: rowCount() });

let change: ListChange = { clickAt: null, doneAt: null, rows: 0, newest: [] };
const newest = () =>
  [...document.querySelectorAll('ul.story-list > li:nth-child(-n+3) .story-title')].map(
    (a) => a.textContent ?? '',
  );

/**
 * From the next click to the list showing `rows` rows (and, if given, a row titled `title`).
 * The click listener is on window in the capture phase: it runs before the app's own handler.
 */
export function armChange(rows: number, title: string | null): void {
  change = { clickAt: null, doneAt: null, rows: 0, newest: [] };
  const current = change;
  const satisfied = () =>
    listTotal() === rows &&
    (title === null ||
      [...document.querySelectorAll('ul.story-list .story-title')].some((a) => a.textContent === title));
  window.addEventListener(
    'click',
    () => {
      current.clickAt ??= performance.now();
    },
    { capture: true, once: true },
  );
  const check = () => {
    if (current.clickAt === null || current.doneAt !== null || !satisfied()) return;
    current.doneAt = performance.now();
    current.rows = rowCount();
    observer.disconnect();
  };
  const observer = watchBody(check);
  // Also every 50 ms, in case the last change came before the click was seen.
  const timer = setInterval(() => (current.doneAt === null ? check() : clearInterval(timer)), 50);
}

export const listChange = (): ListChange => ({
  ...change,
  rows: change.rows || rowCount(),
  newest: newest(),
});
