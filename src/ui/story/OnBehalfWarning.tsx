// A non-blocking warning when one more story posted on behalf would take this device's share over the
// organisation's threshold, with the alternatives to offer.
import { formatShare, onBehalfShareOf, wouldExceed } from '../../domain/onBehalf.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function OnBehalfWarning() {
  const { state } = useApp();
  const t = useText();
  const threshold = state.settings.value.onBehalfThreshold;
  const share = onBehalfShareOf(state.storyCounts.value, threshold);
  if (!wouldExceed(share.month, share.threshold) && !wouldExceed(share.allTime, share.threshold)) return null;
  return (
    <div class="note note-warn">
      <p>
        <strong>{t.storyteller.onBehalfOver(formatShare(share.threshold))}</strong>{' '}
        {t.storyteller.onBehalfWhy(formatShare(share.month.share), share.month.onBehalf, share.month.all)}
      </p>
      <ul>
        {Object.values(t.storyteller.onBehalfAlternatives).map((alternative) => (
          <li key={alternative}>{alternative}</li>
        ))}
      </ul>
    </div>
  );
}
