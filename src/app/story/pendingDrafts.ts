// Drafts whose last save failed when their screen closed or the app locked: kept SEALED in memory
// (never as text while locked) and written again until the write commits. A newer save of the
// same story, or a withdrawal, replaces it. Home says how many are waiting to be saved.
import { type Signal, signal } from '@preact/signals';
import { nextDelayMs } from '../../domain/send/backoff.ts';
import { type Draft, readDraft } from '../../domain/story/story.ts';
import type { StoryDb } from '../../store/db.ts';
import { type SealedDraft, sealDraft, writeSealedDraft } from '../../store/story/stories.ts';
import { type Cipher, storyAad } from '../../store/vault/cipher.ts';
import { runWrite } from '../../store/write.ts';

export type PendingDrafts = {
  /** How many drafts are not saved yet (kept sealed, retried). */
  count: Signal<number>;
  /** `isNew`: a new story never stored yet (its first save failed): it is created by the write. */
  keep(id: string, draft: Draft, isNew?: boolean): Promise<void>;
  /** The newest unsaved draft of a story, opened (only while unlocked). */
  get(id: string): Promise<Draft | null>;
  forget(id: string): void;
};

export type PendingDeps = {
  db: StoryDb;
  /** The session's cipher (kept for the page's life, like the sender's). */
  cipher: () => Cipher | null;
  now: () => number;
  random: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
};

export function createPendingDrafts(deps: PendingDeps): PendingDrafts {
  const sealed = new Map<string, { draft: SealedDraft; stamp: number; isNew: boolean }>();
  const count = signal(0);
  let stamps = 0;
  const settle = () => {
    count.value = sealed.size;
  };

  async function attempt(id: string, stamp: number, tries: number): Promise<void> {
    const kept = sealed.get(id);
    if (!kept || kept.stamp !== stamp) return; // replaced by a newer save, or forgotten
    const result = await runWrite(deps.db, () =>
      writeSealedDraft(deps.db, id, kept.draft, deps.now(), kept.isNew),
    );
    if (sealed.get(id)?.stamp !== stamp) return;
    // Written, or no longer a draft that may be written (sent, withdrawn, deleted): nothing to keep.
    if (result.ok) {
      sealed.delete(id);
      settle();
      return;
    }
    deps.setTimer(
      () => void attempt(id, stamp, tries + 1),
      nextDelayMs(tries, deps.random, { baseMs: 3_000, capMs: 60_000 }) + 1_000,
    );
  }

  return {
    count,
    async keep(id, draft, isNew = false) {
      const cipher = deps.cipher();
      if (!cipher) return;
      const stamp = ++stamps;
      // The row's creation time is the stored one: writeSealedDraft keeps it.
      sealed.set(id, { draft: await sealDraft(cipher, id, draft, 0, deps.now()), stamp, isNew });
      settle();
      await attempt(id, stamp, 0);
    },
    async get(id) {
      const kept = sealed.get(id);
      const cipher = deps.cipher();
      if (!kept || !cipher) return null;
      const opened = await cipher.read(kept.draft.payload, storyAad(id));
      return opened.ok ? readDraft(opened.value) : null;
    },
    forget(id) {
      if (sealed.delete(id)) settle();
    },
  };
}
