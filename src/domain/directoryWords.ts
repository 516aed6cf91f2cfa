// The service directory's state in words for Settings: progress, what is stored, what went wrong.
const number = new Intl.NumberFormat('en-GB');

export type ProgressFacts = {
  fetched: number;
  totalEstimate?: number | undefined;
  kind: 'full' | 'incremental';
};

/** "Downloading 3,400 of about 12,000" where a total is known, otherwise the running count. */
export function describeProgress(progress: ProgressFacts): string {
  if (progress.kind === 'incremental')
    return `Checking for new services: ${number.format(progress.fetched)} so far`;
  const total = progress.totalEstimate;
  if (total !== undefined && total >= progress.fetched) {
    return `Downloading ${number.format(progress.fetched)} of about ${number.format(total)}`;
  }
  return `Downloading: ${number.format(progress.fetched)} services so far`;
}

export function describeStored(
  count: number,
  lastRefreshAt: number | undefined,
  formatTime: (t: number) => string,
): string {
  if (count === 0 && lastRefreshAt === undefined) return 'No services stored on this device yet.';
  const services = `${number.format(count)} service${count === 1 ? '' : 's'} stored on this device`;
  return lastRefreshAt === undefined
    ? `${services}.`
    : `${services}, last refreshed ${formatTime(lastRefreshAt)}.`;
}

export function describeProblem(problem: string): string {
  switch (problem) {
    case 'key-rejected':
      return 'The key was not accepted, so the directory could not be downloaded. Check the API address and key.';
    case 'unreachable':
      return 'Care Opinion could not be reached. The directory already on this device still works; try again when there is a signal.';
    case 'not-configured':
      return 'Enter the API address first.';
    default:
      return 'The directory could not be refreshed. The directory already on this device still works.';
  }
}
