// The service directory's state in words for Settings (the catalogue's `settings.directory`):
// progress, what is stored, what went wrong.
import type { DirectoryProblem } from '../directory/directoryProblem.ts';
import type { Messages } from './index.ts';

export type ProgressFacts = {
  fetched: number;
  totalEstimate?: number | undefined;
  kind: 'full' | 'incremental';
};

/** "Downloading 3,400 of about 12,000" where a total is known, otherwise the running count. */
export function describeProgress(progress: ProgressFacts, t: Messages): string {
  const words = t.settings.directory;
  if (progress.kind === 'incremental') return words.checking(progress.fetched);
  const total = progress.totalEstimate;
  if (total !== undefined && total >= progress.fetched) return words.downloadingOf(progress.fetched, total);
  return words.downloading(progress.fetched);
}

export function describeStored(count: number, lastRefreshAt: number | undefined, t: Messages): string {
  const words = t.settings.directory;
  if (count === 0 && lastRefreshAt === undefined) return words.none;
  return lastRefreshAt === undefined
    ? words.storedOnly(words.stored(count))
    : words.storedAt(words.stored(count), t.home.rowTime(lastRefreshAt));
}

export function describeProblem(problem: DirectoryProblem, t: Messages): string {
  const problems = t.settings.directory.problems;
  return problem === 'key-rejected' || problem === 'unreachable' || problem === 'not-configured'
    ? problems[problem]
    : problems.other;
}
