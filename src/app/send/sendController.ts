// The send feature's controller: the queue as Home shows it (read from the data layer once loaded),
// the sandbox's page for the "Sent" receipt, and the send port (send now, the hand-off screen).
import { computed, effect, type ReadonlySignal } from '@preact/signals';
import { exportOffered } from '../../domain/settings/relay.ts';
import type { Settings } from '../../domain/settings/settings.ts';
import type { AppState, QueueSummary, SendActions } from '../../ui/actions.ts';
import { type DataLoader, whenLoaded } from '../dataLoader.ts';

const NO_QUEUE: QueueSummary = {
  waiting: 0,
  sending: null,
  lastSentAt: null,
  paused: null,
  nextTryAt: null,
  problem: null,
};

export type SendFeature = {
  state: Pick<AppState, 'queue' | 'sandboxPage' | 'exportOffered'>;
  actions: SendActions;
  /** Resolves once no story is mid-send (an update waits for it). */
  idle(): Promise<void>;
};

export function createSendController(loader: DataLoader, settings: ReadonlySignal<Settings>): SendFeature {
  const queue = computed(() => loader.data.value?.queue.status.value ?? NO_QUEUE);
  return {
    state: {
      queue,
      sandboxPage: computed(() => sandboxPage(settings.value)),
      exportOffered: computed(() => exportOffered(settings.value, queue.value.waiting)),
    },
    actions: {
      sendNow: () => loader.withData((data) => data.queue.trigger('send-now')),
      ...whenLoaded(loader, (data) => data, [
        'loadHandOff',
        'postedByHand',
        'exportUnsent',
        'markExported',
      ] as const),
    },
    idle: () => until(() => queue.value.sending === null),
  };
}

/** The built-in sandbox lists what it received; the "Sent" receipt links there. */
function sandboxPage({ apiAddress, key }: Settings): string | null {
  if (key !== 'sandbox-key' || apiAddress === '') return null;
  try {
    return `${new URL(apiAddress).origin}/__sandbox/`;
  } catch {
    return null; // not an address: no sandbox to link to
  }
}

/** Resolves once `condition` (read from signals) holds. */
function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | undefined;
    stop = effect(() => {
      if (!condition()) return;
      resolve();
      queueMicrotask(() => stop?.());
    });
  });
}
