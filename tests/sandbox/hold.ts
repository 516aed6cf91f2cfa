// A gate for story posts, so a test can keep a request in flight for exactly as long as it needs
// (no latency window to land in): while holding, each POST /opinions waits once its key is claimed
// — the key is "in progress", a second request with it gets 409 — until the gate is released.
import type { ServerResponse } from 'node:http';

export type Hold = {
  /** Hold every story post from now on, until release(). */
  start(): void;
  /** Let every held post go on, and hold no more. */
  release(): number;
  /** Resolves at once unless holding; a held post whose client leaves stops counting as held. */
  pass(key: string, res: ServerResponse): Promise<void>;
  isHolding(): boolean;
  /** The Idempotency-Keys of the posts held now, in arrival order. */
  heldKeys(): string[];
};

export function createHold(): Hold {
  let holding = false;
  const held = new Map<ServerResponse, { key: string; go: () => void }>();
  return {
    start() {
      holding = true;
    },
    release() {
      holding = false;
      const waiting = [...held.values()];
      held.clear();
      for (const { go } of waiting) go();
      return waiting.length;
    },
    pass(key, res) {
      if (!holding) return Promise.resolve();
      return new Promise((resolve) => {
        held.set(res, { key, go: resolve });
        res.on('close', () => {
          if (held.delete(res)) resolve(); // the client left or close() ended it: postOpinion sees it gone
        });
      });
    },
    isHolding: () => holding,
    heldKeys: () => [...held.values()].map((h) => h.key),
  };
}
