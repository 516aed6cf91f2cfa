// Hand-off actions (issue 12), loaded on use (not in Home's first download): open a story ready to
// post on Care Opinion's website, record that a person posted it (only with a Care Opinion story
// address or number), and move waiting stories when "How stories reach Care Opinion" changes.

import type { StoryReason } from '../../domain/send/sendProblem.ts';
import type { DeliveryMode } from '../../domain/settings/settings.ts';
import { parseStoryAddress } from '../../domain/story/storyAddress.ts';
import type { QueuedStory } from '../../domain/story/submission.ts';
import type { StoryDb } from '../../store/db.ts';
import { changeDelivery } from '../../store/send/sendWriter.ts';
import { openReadyToPost, postedByHand as recordPosted } from '../../store/send/storyQueue.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { SendActions } from '../../ui/actions.ts';

export type HandOffDeps = {
  db: StoryDb;
  cipher: Cipher;
  now: () => number;
  /** A story changed: refresh its row. */
  refreshOne: (id: string) => Promise<void>;
};

type Posted = Awaited<ReturnType<SendActions['postedByHand']>>;

const NOT_READY = 'notReady' satisfies StoryReason;
const CHANGED = 'changedMeanwhile' satisfies StoryReason;

export function loadHandOff(deps: HandOffDeps, id: string): Promise<QueuedStory | null> {
  return openReadyToPost(deps.db, deps.cipher, id);
}

export async function postedByHand(deps: HandOffDeps, id: string, address: string): Promise<Posted> {
  const checked = parseStoryAddress(address);
  if (!checked.ok) return checked;
  const result = await recordPosted(deps.db, deps.cipher, id, checked.storyNumber, deps.now());
  if (!result.ok) return { ok: false, reason: result.reason };
  await deps.refreshOne(id);
  if (result.value.kind === 'applied') return { ok: true, storyNumber: checked.storyNumber };
  return { ok: false, reason: result.value.kind === 'stale' ? CHANGED : NOT_READY };
}

/** Moves every story never tried to the way stories now reach Care Opinion; true if any moved. */
export async function applyDelivery(db: StoryDb, mode: DeliveryMode, now: number): Promise<boolean> {
  const result = await changeDelivery(db, mode, now);
  if (!result.ok) throw new Error(`stories could not be moved (${result.kind})`);
  return result.value > 0;
}
