// Hand-off actions (issue 12): open a story ready to post on Care Opinion's website, record that a
// person posted it (only with a Care Opinion story address or number), and move waiting stories
// when "How stories reach Care Opinion" changes. The store and the domain's rules load on use.
import type { DeliveryMode } from '../domain/settings.ts';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import type { Actions } from '../ui/actions.ts';

export type HandOffDeps = {
  db: StoryDb;
  cipher: Cipher;
  now: () => number;
  /** A story changed: refresh its row (and tell other tabs). */
  refreshOne: (id: string) => Promise<void>;
};

const NOT_READY = 'This story is no longer ready to post on this device.';
const CHANGED = 'This story changed on this device meanwhile. Nothing was lost: try again.';

export function createHandOffActions(deps: HandOffDeps): Pick<Actions, 'loadHandOff' | 'postedByHand'> {
  return {
    async loadHandOff(id) {
      const { openReadyToPost } = await import('../store/storyQueue.ts');
      return openReadyToPost(deps.db, deps.cipher, id);
    },
    async postedByHand(id, address) {
      const [{ parseStoryAddress }, { postedByHand }] = await Promise.all([
        import('../domain/storyAddress.ts'),
        import('../store/storyQueue.ts'),
      ]);
      const checked = parseStoryAddress(address);
      if (!checked.ok) return checked;
      const result = await postedByHand(deps.db, deps.cipher, id, checked.storyNumber, deps.now());
      if (!result.ok) return { ok: false, reason: result.reason };
      await deps.refreshOne(id);
      if (result.value.kind === 'applied') return { ok: true, storyNumber: checked.storyNumber };
      return { ok: false, reason: result.value.kind === 'stale' ? CHANGED : NOT_READY };
    },
  };
}

/** Moves every story never tried to the way stories now reach Care Opinion; true if any moved. */
export async function applyDelivery(db: StoryDb, mode: DeliveryMode, now: number): Promise<boolean> {
  const { changeDelivery } = await import('../store/sendWriter.ts');
  const result = await changeDelivery(db, mode, now);
  if (!result.ok) throw new Error(`stories could not be moved (${result.kind})`);
  return result.value > 0;
}
