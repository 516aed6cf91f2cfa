// "Still there?": shown and announced (role="alert") shortly before the idle lock, over whatever
// screen is open, with "Keep open". Any tap or key also keeps the app open (the lock controller).
import { useText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';

export function IdleWarning() {
  const t = useText();
  const { state, actions } = useLock();
  const lockAt = state.value.idleLockAt;
  if (state.value.phase !== 'unlocked' || lockAt === undefined) return null;
  // Said once, when it appears (a ticking countdown would be read out every second).
  const seconds = Math.max(1, Math.round((lockAt - Date.now()) / 1000));
  return (
    <div role="alert" class="idle-warning">
      <p>
        <strong>{t.handover.stillThere}</strong> {t.handover.idleWarning(seconds)}
      </p>
      <button type="button" class="button-primary" onClick={actions.keepOpen}>
        {t.handover.keepOpen}
      </button>
    </div>
  );
}
