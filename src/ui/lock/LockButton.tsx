// "Lock": saves open work, then hides everything behind the Lock screen. Shown only when unlocked,
// and not while the storyteller holds the iPad (staff lock it after "Give back to staff").
import { useHandedOver } from '../handover/handover.ts';
import { useText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';

export function LockButton() {
  const { state, actions } = useLock();
  const t = useText();
  const handedOver = useHandedOver();
  if (state.value.phase !== 'unlocked' || handedOver) return null;
  return (
    <div class="lock-bar">
      <button type="button" onClick={() => void actions.lock()}>
        {t.lock.lock}
      </button>
    </div>
  );
}
