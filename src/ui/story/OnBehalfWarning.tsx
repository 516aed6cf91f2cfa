// A non-blocking warning when one more story posted on behalf would take this month's share over the
// organisation's threshold, with at least 20 stories in the month (the domain's shareVerdict), with the
// alternatives to offer. Below that the share says little, and a warning that fires every time goes unread.
import { onBehalfShareOf, shareVerdict } from '../../domain/story/onBehalf.ts';
import { useApp } from '../actions.ts';
import { useHandedOver } from '../handover/handover.ts';
import { useText } from '../shared/text.ts';

export function OnBehalfWarning() {
  const { state } = useApp();
  const t = useText();
  // The device's share is staff's business: never shown to the storyteller holding the iPad.
  const handedOver = useHandedOver();
  if (handedOver) return null;
  const threshold = state.settings.value.onBehalfThreshold;
  const share = onBehalfShareOf(state.storyCounts.value, threshold);
  if (shareVerdict(share.month, share.threshold, true) === 'quiet') return null;
  return (
    <div class="note note-warn">
      <p>
        <strong>{t.storyteller.onBehalfOver(t.format.percent(share.threshold))}</strong>{' '}
        {t.storyteller.onBehalfWhy(
          t.format.percent(share.month.share),
          share.month.onBehalf,
          share.month.all,
        )}
      </p>
      <ul>
        {Object.values(t.storyteller.onBehalfAlternatives).map((alternative) => (
          <li key={alternative}>{alternative}</li>
        ))}
      </ul>
    </div>
  );
}
