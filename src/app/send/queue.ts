// Starts the send queue in this page: the runner with its lock and the browser's triggers
// (src/sync), Home's summary of it, and other tabs told of changes.
import { type Signal, signal } from '@preact/signals';
import { connectionOf, type FetchedRelayFacts } from '../../domain/settings/relay.ts';
import { deliveryMode, type Settings } from '../../domain/settings/settings.ts';
import type { StoryDb } from '../../store/db.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { Client, Fetch } from '../../sync/client.ts';
import { realSleep } from '../../sync/rateLimiter.ts';
import type { QueueRunner, Trigger } from '../../sync/send/queue.ts';
import { leaseLock, type RunnerLock, webLock } from '../../sync/send/runnerLock.ts';
import type { QueueSummary } from '../../ui/actions.ts';

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
  onStoryChanged: (id: string | null) => void,
  /** A send pass ended (the relay's status report follows it). */
  onPassEnd?: () => void,
  /** Asking the relay for its posting desk's key again, and keeping it (issue 27). */
  relay?: { fetch: Fetch; keepRelayFacts(facts: FetchedRelayFacts, token: string): Promise<void> },
): QueueControl {
  const status = signal<QueueSummary>({
    waiting: 0,
    sending: null,
    lastSentAt: null,
    paused: null,
    nextTryAt: null,
    problem: null,
  });
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL) : null;
  let runner: QueueRunner | null = null;
  let cipher: Cipher | null = null;
  const changed = (id: string | null) => {
    onStoryChanged(id);
    channel?.postMessage(id);
  };
  channel?.addEventListener('message', (event) =>
    onStoryChanged(typeof event.data === 'string' ? event.data : null),
  );

  const trigger = async (reason: Trigger) => {
    if (!cipher || settings().apiAddress === '') return;
    // The runner (answers, backoff) loads after unlock, outside Home's first download.
    const [{ createQueueRunner }, { watchSendTriggers }, desk] = await Promise.all([
      import('../../sync/send/queue.ts'),
      import('../../sync/send/sendTriggers.ts'),
      import('../../sync/relay/deskKey.ts'),
    ]);
    if (!runner) {
      runner = createQueueRunner({
        db,
        cipher,
        client,
        lock: chooseLock(db),
        connection: () => connectionOf(settings()),
        now: Date.now,
        random: Math.random,
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
        onStatus: (next) => {
          status.value = next;
        },
        onChange: changed,
        desk: {
          chosen: () => deliveryMode(settings()) === 'desk',
          key: () => desk.readDeskKey(settings().relayDeskKey),
          refreshKey: async () => {
            const { apiAddress, relayToken, relayDeskKey } = settings();
            if (!relay || relayToken === '') return;
            const fetched = await desk.fetchDeskKey(relay.fetch, apiAddress, relayToken);
            if (fetched !== null && desk.deskKeyChanged(relayDeskKey, fetched))
              await relay.keepRelayFacts({ relayDeskKey: fetched }, relayToken);
          },
          newKey: () => crypto.randomUUID(),
          crypto: globalThis.crypto,
        },
        isOnline: () => navigator.onLine,
        ...(onPassEnd ? { onPassEnd } : {}),
        onError: (error) =>
          console.error('Send queue:', error instanceof Error ? error.name : 'unknown error'),
      });
      watchSendTriggers((r) => void trigger(r), window, document);
    }
    await runner.trigger(reason);
  };

  return {
    status,
    trigger,
    start(sessionCipher) {
      cipher ??= sessionCipher;
      void trigger('start');
    },
  };
}
