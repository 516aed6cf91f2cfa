// Home's posted-on-behalf line: the counts this month and all time, quietly, and a non-blocking
// warning only when the domain's shareVerdict says the month's share means something and is over.
import {
  MIN_STORIES_TO_WARN,
  onBehalfShareOf,
  type ShareCount,
  shareVerdict,
} from '../../domain/story/onBehalf.ts';
import { useApp } from '../actions.ts';
import { useText } from '../shared/text.ts';

export function OnBehalfShare() {
  const { state } = useApp();
  const t = useText();
  const share = onBehalfShareOf(state.storyCounts.value, state.settings.value.onBehalfThreshold);
  const over = shareVerdict(share.month, share.threshold) === 'warn';
  // A percentage of a handful of stories reads as alarming and means little: counts only until then.
  const count = (c: ShareCount) =>
    t.numbers.shareCount(c.onBehalf, c.all, c.all >= MIN_STORIES_TO_WARN ? t.format.percent(c.share) : null);
  return (
    <section class="note" aria-label={t.numbers.shareTitle}>
      <p>
        {t.numbers.shareLine(count(share.month), count(share.allTime), t.format.percent(share.threshold))}
      </p>
      {over && (
        <div class="warning">
          <p>
            <strong>{t.numbers.shareOver}</strong> {t.numbers.shareTry}
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
