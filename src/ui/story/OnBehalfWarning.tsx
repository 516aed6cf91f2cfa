// A non-blocking warning when one more story posted on behalf would take this device's share over the
// organisation's threshold, with the alternatives to offer.
import { formatShare, ON_BEHALF_ALTERNATIVES, onBehalfShareOf, wouldExceed } from '../../domain/onBehalf.ts';
import { useApp } from '../actions.ts';

export function OnBehalfWarning() {
  const { state } = useApp();
  const threshold = state.settings.value.onBehalfThreshold;
  const share = onBehalfShareOf(state.storyCounts.value, threshold);
  if (!wouldExceed(share.month, share.threshold) && !wouldExceed(share.allTime, share.threshold)) return null;
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
