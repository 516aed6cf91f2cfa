// "Lock": saves open work, then hides everything behind the Lock screen. Shown only when unlocked.

import { useText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';

export function LockButton() {
  const { state, actions } = useLock();
  const t = useText();
  if (state.value.phase !== 'unlocked') return null;
  return (
    <div class="lock-bar">
      <button type="button" onClick={() => void actions.lock()}>
        {t.lock.lock}
      </button>
    </div>
  );
}
