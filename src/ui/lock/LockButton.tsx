// "Lock": saves open work, then hides everything behind the Lock screen. Shown only when unlocked,
// and not while the storyteller holds the iPad (staff lock it after "Give back to staff"). On its own
// bar above every screen but the story's, whose compact header holds it (`inline`) in its one row.
import { useLocation } from 'preact-iso';
import { useHandedOver } from '../handover/handover.ts';
import { useText } from '../shared/text.ts';
import { useLock } from './lockActions.ts';

/** The story screen (/story/…) places "Lock" in its own header. */
export function inStoryHeader(path: string | undefined): boolean {
  return path?.startsWith('/story/') ?? false;
}

export function LockButton({ inline = false }: { inline?: boolean }) {
  const { state, actions } = useLock();
  const t = useText();
  const handedOver = useHandedOver();
  const { path } = useLocation();
  if (state.value.phase !== 'unlocked' || handedOver) return null;
  if (inline !== inStoryHeader(path)) return null;
  const button = (
    <button type="button" onClick={() => void actions.lock()}>
      {t.lock.lock}
    </button>
  );
  return inline ? button : <div class="lock-bar">{button}</div>;
}
