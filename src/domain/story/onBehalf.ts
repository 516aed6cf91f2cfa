// The posted-on-behalf share on this device (this month and all time), and whether one more story
// posted on behalf would take it over the organisation's threshold. Months are calendar months in UTC.
// What to suggest instead is the catalogue's `storyteller.onBehalfAlternatives`; a share is shown with
// the catalogue's `format.percent` (whole percentages are enough at this scale).

export const DEFAULT_ON_BEHALF_THRESHOLD = 0.05;

export type ShareCount = { onBehalf: number; all: number; share: number };
export type OnBehalfShare = { month: ShareCount; allTime: ShareCount };

type Tally = { onBehalf: number; all: number };

/**
 * Collected on behalf ÷ all collected, this month and all time, from the counts the store keeps (an
 * index over stage, on-behalf and month: drafts and withdrawn stories are not collected).
 */
export function onBehalfShareOf(
  counts: { month: Tally; allTime: Tally },
  threshold: number = DEFAULT_ON_BEHALF_THRESHOLD,
): OnBehalfShare & { threshold: number } {
  const share = (t: Tally): ShareCount => ({ ...t, share: t.all === 0 ? 0 : t.onBehalf / t.all });
  return { month: share(counts.month), allTime: share(counts.allTime), threshold: validThreshold(threshold) };
}

function validThreshold(threshold: number): number {
  return Number.isFinite(threshold) && threshold >= 0 && threshold <= 1
    ? threshold
    : DEFAULT_ON_BEHALF_THRESHOLD;
}

/** Below this many stories in a month, a share says little (1 of 3 is 33%): shown, not warned about. */
export const MIN_STORIES_TO_WARN = 20;

export type ShareVerdict = 'warn' | 'quiet';

/**
 * The one rule for warning about the posted-on-behalf share, this month: warn only when the month has
 * at least MIN_STORIES_TO_WARN stories and is over the threshold — or, with `adding` (one more story on
 * behalf is being collected), when that story would take the month over it with at least that many.
 * Otherwise the counts are shown quietly. All time is shown, never warned about: after one bad month it
 * would stay over for months and warn on every story, which is how people stop reading warnings.
 */
export function shareVerdict(
  month: Pick<ShareCount, 'onBehalf' | 'all'>,
  threshold: number = DEFAULT_ON_BEHALF_THRESHOLD,
  adding = false,
): ShareVerdict {
  const extra = adding ? 1 : 0;
  const onBehalf = Math.max(0, month.onBehalf) + extra;
  const all = Math.max(month.all, month.onBehalf, 0) + extra;
  if (all < MIN_STORIES_TO_WARN) return 'quiet';
  return onBehalf / all > validThreshold(threshold) ? 'warn' : 'quiet';
}
