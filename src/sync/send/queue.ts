// The send queue runner: picks the entries that are due and sends each (sendStory.ts), from the page
// (iPadOS has no Background Sync). One runner across tabs (the lock). It sleeps while offline or
// paused until a trigger wakes it, and otherwise wakes at the later of the next due time and a
// floor: never a timer that fires into the past.
import { nextDelayMs } from '../../domain/send/backoff.ts';
import type { QueueStatus } from '../../domain/send/queueStatus.ts';
import type { QueueProblem } from '../../domain/send/sendProblem.ts';
import { dueAt, isDue } from '../../domain/send/sendReducer.ts';
import type { StoryDb } from '../../store/db.ts';
import * as outbox from '../../store/send/outbox.ts';
import { makeAllDue } from '../../store/send/sendWriter.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { Client, Connection } from '../client.ts';
import type { RunnerLock } from './runnerLock.ts';
import { type SendOutcome, sendStory } from './sendStory.ts';

export type Trigger = 'start' | 'online' | 'visible' | 'queued' | 'send-now' | 'timer' | 'settings-saved';

export type { QueueStatus };

export type QueueDeps = {
  db: StoryDb;
  /** Opens the sealed payloads; kept for the page's life so sending goes on while locked. */
  cipher: Cipher;
  client: Client;
  lock: RunnerLock;
  connection: () => Connection;
  now: () => number;
  random: () => number;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (timer: unknown) => void;
  onStatus?: (status: QueueStatus) => void;
  /** A story changed state (to refresh its row, tell other tabs). */
  onChange?: (id: string) => void;
  /** navigator.onLine: "false" means no network interface, so the runner sleeps until a trigger. */
  isOnline?: () => boolean;
  /** The one handler for the unexpected (a bug, a refused read): shown, never swallowed. */
  onError?: (error: unknown) => void;
  /** The shortest wait between passes (default 250 ms): a due time in the past never means a spin. */
  floorMs?: number;
};

export type QueueRunner = { trigger(reason: Trigger): Promise<void>; stop(): void };

/** Something unexpected stopped sending for a moment (worded by the catalogue's `send.queueProblems`). */
export const UNEXPECTED = 'unexpected' satisfies QueueProblem;

type PassOutcome = SendOutcome | 'offline';

export function createQueueRunner(deps: QueueDeps): QueueRunner {
  const floorMs = deps.floorMs ?? 250;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: unknown = null;
  let sending: QueueStatus['sending'] = null;
  let problem: QueueProblem | null = null;
  /** Passes in a row that ended in a refused write (a full disk): the runner backs off. */
  let writeFailures = 0;
  const send = { ...deps, exclusive: deps.lock.exclusive };

  async function status(): Promise<QueueStatus> {
    const [active, lastSentAt, paused] = await Promise.all([
      outbox.listActive(deps.db),
      outbox.getLastSentAt(deps.db),
      outbox.getPause(deps.db),
    ]);
    const times = active.flatMap((e) => dueAt(e) ?? []);
    const nextTryAt = times.length ? Math.min(...times) : null;
    return { waiting: active.length, sending, lastSentAt, paused, nextTryAt, problem };
  }

  /** One pass over what is due now; the outcome that ended it. */
  async function pass(held: () => boolean): Promise<PassOutcome> {
    if (deps.isOnline?.() === false) return 'offline';
    if (await outbox.getPause(deps.db)) return 'paused';
    const now = deps.now();
    const due = (await outbox.listActive(deps.db)).filter((e) => isDue(e, now, deps.lock.exclusive));
    for (const [i, entry] of due.entries()) {
      if (stopped || !held()) return 'stop-pass';
      sending = { index: i + 1, total: due.length };
      deps.onStatus?.(await status());
      const outcome = await sendStory(send, entry);
      deps.onChange?.(entry.id);
      if (outcome !== 'next') return outcome;
    }
    return 'next';
  }

  function schedule(at: number | null): void {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (stopped || at === null) return;
    timer = deps.setTimer(() => void trigger('timer'), Math.max(at - deps.now(), floorMs));
  }

  /** When to wake by itself: never while offline or paused (a trigger wakes it), else the next due time. */
  async function wakeAt(outcome: PassOutcome): Promise<number | null> {
    if (outcome === 'write-failed') return deps.now() + nextDelayMs(writeFailures - 1, deps.random);
    const next = await status();
    deps.onStatus?.(next);
    if (outcome === 'offline' || deps.isOnline?.() === false || next.paused !== null) return null;
    return next.nextTryAt;
  }

  async function drain(): Promise<void> {
    const ended: { outcome: PassOutcome } = { outcome: 'next' };
    let outcome: PassOutcome;
    try {
      await deps.lock.run(async (held) => {
        do {
          again = false;
          ended.outcome = await pass(held);
        } while (again && !stopped && ended.outcome === 'next');
      });
      outcome = ended.outcome;
      writeFailures = outcome === 'write-failed' ? writeFailures + 1 : 0;
      problem = null;
    } catch (error) {
      problem = UNEXPECTED;
      outcome = 'write-failed';
      writeFailures += 1;
      deps.onError?.(error);
    }
    sending = null;
    try {
      schedule(await wakeAt(outcome));
    } catch (error) {
      deps.onError?.(error);
      schedule(deps.now() + nextDelayMs(writeFailures, deps.random));
    }
  }

  async function trigger(reason: Trigger): Promise<void> {
    if (stopped) return;
    try {
      if (reason === 'settings-saved' || reason === 'send-now') await outbox.setPause(deps.db, null);
      if (reason !== 'timer') await makeAllDue(deps.db, deps.now(), reason === 'send-now');
    } catch (error) {
      deps.onError?.(error);
    }
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
      // A trigger that arrived after the last pass looked would otherwise be dropped: run once more.
      if (again && !stopped) void trigger('timer');
    });
    return running;
  }

  return {
    trigger,
    stop() {
      stopped = true;
      if (timer !== null) deps.clearTimer(timer);
    },
  };
}
