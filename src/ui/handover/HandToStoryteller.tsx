// "Hand to the storyteller": shown on every step of an open story, in staff mode, in the story's
// header row (a secondary button: the primary one on a step is Next).
import { useLocation } from 'preact-iso';
import { useText } from '../shared/text.ts';
import { useHandover } from './handover.ts';

/** Focus returns here after "Give back to staff". */
export const HAND_TO_ID = 'hand-to-storyteller';

export function HandToStoryteller({ storyId }: { storyId: string }) {
  const t = useText();
  const handover = useHandover();
  const { path } = useLocation();
  return (
    <button type="button" id={HAND_TO_ID} onClick={() => handover.start(storyId, path)}>
      {t.handover.handTo}
    </button>
  );
}
