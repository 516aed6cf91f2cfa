// Home's posted-on-behalf line: this month and all time against the threshold in Settings, with a
// non-blocking warning when over it.
import { formatShare, onBehalfShareOf, type ShareCount } from '../../domain/onBehalf.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

const shareText = (count: ShareCount) => `${formatShare(count.share)} (${count.onBehalf} of ${count.all})`;

export function OnBehalfShare() {
  const { state } = useApp();
  const t = useText();
  const share = onBehalfShareOf(state.storyCounts.value, state.settings.value.onBehalfThreshold);
  const over = share.month.share > share.threshold || share.allTime.share > share.threshold;
  return (
    <section class="note" aria-label="Posted on behalf">
      <p>
        Posted on behalf: this month {shareText(share.month)}, all time {shareText(share.allTime)}. Target:
        under {formatShare(share.threshold)}.
      </p>
      {over && (
        <div class="warning">
          <p>
            <strong>Over the target.</strong> Before posting on behalf, try:
          </p>
          <ul>
            {Object.values(t.storyteller.onBehalfAlternatives).map((alternative) => (
              <li key={alternative}>{alternative}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
