// The posted-on-behalf share on this device (this month and all time), and whether one more story
// posted on behalf would take it over the organisation's threshold. Months are calendar months in UTC.
// What to suggest instead is the catalogue's `storyteller.onBehalfAlternatives`.

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

/** Whether one more story posted on behalf would take the share over the threshold. */
export function wouldExceed(
  share: Pick<ShareCount, 'onBehalf' | 'all'>,
  threshold: number = DEFAULT_ON_BEHALF_THRESHOLD,
): boolean {
  const onBehalf = Math.max(0, share.onBehalf) + 1;
  const all = Math.max(share.all, share.onBehalf, 0) + 1;
  return onBehalf / all > validThreshold(threshold);
}

/** "4%" for the home screen; whole percentages are enough at this scale. */
export function formatShare(share: number): string {
  return `${Number.isFinite(share) ? Math.round(share * 100) : 0}%`;
}
