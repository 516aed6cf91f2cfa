// Starts the send queue in this page: the runner, its lock, its triggers (start, online, return to
// the app, a story queued, "Send now", the backoff timer) and other tabs told of changes.
import { type Signal, signal } from '@preact/signals';
import type { Settings } from '../domain/settings.ts';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import type { Client } from '../sync/client.ts';
import type { QueueRunner, Trigger } from '../sync/queue.ts';
import { realSleep } from '../sync/rateLimiter.ts';
import { leaseLock, type RunnerLock, webLock } from '../sync/runnerLock.ts';
import type { QueueSummary } from '../ui/actions.ts';

const CHANNEL = 'story-collector-stories';

export type QueueControl = {
  status: Signal<QueueSummary>;
  trigger(reason: Trigger): Promise<void>;
  /**
   * Begins sending, with the cipher of the unlocked session (kept for this page's life, so
   * sending goes on while the app is locked; after a reload nothing is sent until unlocked).
   */
  start(cipher: Cipher): void;
};

function chooseLock(db: StoryDb): RunnerLock {
  if ('locks' in navigator && navigator.locks) return webLock(navigator.locks);
  return leaseLock(db, { owner: crypto.randomUUID(), now: Date.now, sleep: realSleep });
}

export function createQueue(
  db: StoryDb,
  client: Client,
  settings: () => Settings,
  onStoriesChanged: () => void,
): QueueControl {
  const status = signal<QueueSummary>({
    waiting: 0,
    sending: null,
    lastSentAt: null,
    paused: null,
    nextTryAt: null,
  });
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : null;
  let runner: QueueRunner | null = null;
  let cipher: Cipher | null = null;
  let started = false;
  const changed = () => {
    onStoriesChanged();
    channel?.postMessage('changed');
  };
  channel?.addEventListener('message', () => onStoriesChanged());

  const trigger = async (reason: Trigger) => {
    if (!started || !cipher) return;
    // The runner (answers, backoff) loads after unlock, outside Home's first download.
    const { createQueueRunner } = await import('../sync/queue.ts');
    runner ??= createQueueRunner({
      db,
      cipher,
      client,
      lock: chooseLock(db),
      connection: () => ({ apiAddress: settings().apiAddress, key: settings().key }),
      now: Date.now,
      random: Math.random,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      onStatus: (next) => {
        status.value = next;
      },
      onChange: changed,
      isOnline: () => navigator.onLine,
    });
    if (settings().apiAddress === '') return;
    await runner.trigger(reason);
    changed();
  };

  return {
    status,
    trigger,
    start(sessionCipher) {
      cipher ??= sessionCipher;
      if (started) {
        void trigger('start');
        return;
      }
      started = true;
      window.addEventListener('online', () => void trigger('online'));
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void trigger('visible');
      });
      void trigger('start');
    },
  };
}
