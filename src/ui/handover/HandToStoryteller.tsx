// "Hand to the storyteller": shown on every step of an open story, in staff mode.
import { useText } from '../shared/text.ts';
import { useHandover } from './handover.ts';

export function HandToStoryteller({ storyId }: { storyId: string }) {
  const t = useText();
  const handover = useHandover();
  return (
    <button type="button" class="button-primary" onClick={() => handover.start(storyId)}>
      {t.handover.handTo}
    </button>
  );
}
