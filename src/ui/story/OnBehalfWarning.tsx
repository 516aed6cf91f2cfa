// A non-blocking warning when one more story posted on behalf would take this month's share over the
// organisation's threshold, with at least 20 stories in the month (the domain's shareVerdict), with the
// alternatives to offer. Below that the share says little, and a warning that fires every time goes unread.
import { formatShare, ON_BEHALF_ALTERNATIVES, onBehalfShareOf, shareVerdict } from '../../domain/onBehalf.ts';
import { useApp } from '../actions.ts';

export function OnBehalfWarning() {
  const { state } = useApp();
  const threshold = state.settings.value.onBehalfThreshold;
  const share = onBehalfShareOf(state.storyCounts.value, threshold);
  if (shareVerdict(share.month, share.threshold, true) === 'quiet') return null;
  return (
    <div class="note note-warn">
      <p>
        <strong>Posted on behalf would go over {formatShare(share.threshold)}.</strong> Care Opinion asks that
        stories posted by staff on behalf of someone stay a small share. This month so far:{' '}
        {formatShare(share.month.share)} ({share.month.onBehalf} of {share.month.all}). You can still go on;
        first you could:
      </p>
      <ul>
        {ON_BEHALF_ALTERNATIVES.map((alternative) => (
          <li key={alternative}>{alternative}</li>
        ))}
      </ul>
    </div>
  );
}
