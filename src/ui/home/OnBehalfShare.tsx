// Home's posted-on-behalf line: this month and all time against the threshold in Settings, with a
// non-blocking warning when over it.
import { formatShare, onBehalfShareOf, type ShareCount } from '../../domain/onBehalf.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function OnBehalfShare() {
  const { state } = useApp();
  const t = useText();
  const share = onBehalfShareOf(state.storyCounts.value, state.settings.value.onBehalfThreshold);
  const shareText = (count: ShareCount) =>
    t.home.onBehalfShare(formatShare(count.share), count.onBehalf, count.all);
  const over = share.month.share > share.threshold || share.allTime.share > share.threshold;
  return (
    <section class="note" aria-label={t.home.onBehalfLabel}>
      <p>
        {t.home.onBehalfLine(shareText(share.month), shareText(share.allTime), formatShare(share.threshold))}
      </p>
      {over && (
        <div class="warning">
          <p>
            <strong>{t.home.overTarget}</strong> {t.home.beforeOnBehalf}
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
