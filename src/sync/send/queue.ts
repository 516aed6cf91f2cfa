// The send queue runner: picks the entries that are due and sends them (sendStory.ts), from the
// page (iPadOS has no Background Sync). One runner across tabs (the lock), and within it a few
// stories in flight at once, never one story twice: a request that hangs waits for its own answer
// (up to the client's timeout) while the others go on, at the shared limiter's pace. It sleeps
// while offline or paused until a trigger wakes it, and otherwise wakes at the later of the next
// due time and a floor: never a timer that fires into the past.
import { nextDelayMs } from '../../domain/send/backoff.ts';
import type { QueueStatus } from '../../domain/send/queueStatus.ts';
import type { OutboxEntry } from '../../domain/send/sendEntry.ts';
import type { QueueProblem } from '../../domain/send/sendProblem.ts';
import { dueAt, isDue } from '../../domain/send/sendReducer.ts';
import type { StoryDb } from '../../store/db.ts';
import * as outbox from '../../store/send/outbox.ts';
import { makeAllDue } from '../../store/send/sendWriter.ts';
import type { Cipher } from '../../store/vault/cipher.ts';
import type { Client, Connection } from '../client.ts';
import type { RunnerLock } from './runnerLock.ts';
import { answerStreak, type DeskDeps, type SendOutcome, sendStory } from './sendStory.ts';

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
  /** A send pass ended, whatever it did (the relay's status report follows it: sync/relay/deviceStatus.ts). */
  onPassEnd?: () => void;
  /** The posting desk (issue 27): sending to it, and asking after what it holds once each drain. */
  desk?: DeskDeps;
};

export type QueueRunner = { trigger(reason: Trigger): Promise<void>; stop(): void };

/** Something unexpected stopped sending for a moment (worded by the catalogue's `send.queueProblems`). */
export const UNEXPECTED = 'unexpected' satisfies QueueProblem;

/**
 * How many stories may be in flight at once. The limiter (5 requests a second) sets the pace; this
 * only keeps a request that hangs (up to the client's 30 s timeout) from holding the rest: with 3,
 * even two hanging at once leave one going. Small, so that a device that has just lost its signal
 * fails few stories at once and the queue leaves room in the shared limiter for the app's reads.
 */
export const MAX_IN_FLIGHT = 3;

/**
 * Requests ending with no answer at all (no network, a timeout), this many in a row with no answer
 * between them: the device is probably offline, so no other story starts this pass (each would only
 * fail). One alone is a dropped connection or a hang, and the others go on.
 */
export const NO_ANSWERS_IN_A_ROW = MAX_IN_FLIGHT;

/**
 * While the posting desk holds stories (issue 27), the runner wakes at least this often to ask what
 * became of them (posted, lost), besides its triggers: an iPad left open learns "posted" by itself.
 */
export const DESK_POLL_MS = 5 * 60_000;

type PassOutcome = Exclude<SendOutcome, 'answered' | 'no-answer'> | 'offline';

/** What ends a pass when several did, the strongest first (a write failure backs the runner off). */
const RANK: Record<PassOutcome, number> = {
  next: 0,
  'stop-pass': 1,
  offline: 2,
  paused: 3,
  'write-failed': 4,
};
const stronger = (a: PassOutcome, b: PassOutcome) => (RANK[b] > RANK[a] ? b : a);

/** One story's send as the pass awaits it: its outcome, or the unexpected error it met. */
type Settled = { id: string; outcome: SendOutcome } | { id: string; error: unknown };

export function createQueueRunner(deps: QueueDeps): QueueRunner {
  const floorMs = deps.floorMs ?? 250;
  let running: Promise<void> | null = null;
  let again = false;
  /** Wakes a pass that waits on requests in flight (a trigger, the timer): something may be due. */
  let wake: (() => void) | null = null;
  let stopped = false;
  let timer: unknown = null;
  let sending: QueueStatus['sending'] = null;
  let problem: QueueProblem | null = null;
  /** Passes in a row that ended in a refused write (a full disk): the runner backs off. */
  let writeFailures = 0;
  /** Failed answers in a row across stories: one story's fault is not an outage (sendReducer's backOff). */
  const send = { ...deps, exclusive: deps.lock.exclusive, streak: answerStreak() };

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

  /**
   * What is due now, oldest first, leaving out this pass's requests in flight and what it has taken
   * already unless it changed since (an answer: it may be due again); and when the next is due.
   */
  async function listDue(
    taken: ReadonlyMap<string, number>,
    inFlight: ReadonlyMap<string, unknown>,
  ): Promise<{ due: OutboxEntry[]; nextAt: number | null }> {
    const now = deps.now();
    const due: OutboxEntry[] = [];
    let nextAt: number | null = null;
    for (const entry of await outbox.listActive(deps.db)) {
      if (inFlight.has(entry.id) || taken.get(entry.id) === entry.version) continue;
      if (isDue(entry, now, deps.lock.exclusive)) due.push(entry);
      else nextAt = Math.min(nextAt ?? Number.POSITIVE_INFINITY, dueAt(entry) ?? Number.POSITIVE_INFINITY);
    }
    return { due, nextAt: nextAt === Number.POSITIVE_INFINITY ? null : nextAt };
  }

  /**
   * One pass: up to MAX_IN_FLIGHT stories in flight, the next one started as soon as one ends, until
   * nothing more is due; then it waits for every request it started (the lock is held until then).
   * A key refused, a write refused, the app locked or too many unanswered requests in a row start no
   * other story; those in flight end with their own answers.
   */
  async function pass(held: () => boolean): Promise<PassOutcome> {
    if (deps.isOnline?.() === false) return 'offline';
    if (await outbox.getPause(deps.db)) return 'paused';
    const inFlight = new Map<string, Promise<Settled>>();
    /** Each story taken this pass, at the version it had: never taken again unless it changed. */
    const taken = new Map<string, number>();
    let waiting: OutboxEntry[] = [];
    let look = true;
    let started = 0;
    let noAnswers = 0;
    let ended: PassOutcome | null = null;
    let failure: { error: unknown } | null = null;
    for (;;) {
      let nextAt: number | null = null;
      while (ended === null && inFlight.size < MAX_IN_FLIGHT) {
        if (stopped || !held()) ended = 'stop-pass';
        else if (deps.isOnline?.() === false) ended = 'offline';
        if (ended !== null) break;
        if (waiting.length === 0 && (look || again)) {
          look = false;
          again = false;
          ({ due: waiting, nextAt } = await listDue(taken, inFlight));
        }
        const entry = waiting.shift();
        if (entry === undefined) break;
        taken.set(entry.id, entry.version);
        started += 1;
        sending = { index: started, total: started + waiting.length };
        deps.onStatus?.(await status());
        inFlight.set(
          entry.id,
          sendStory(send, entry).then(
            (outcome) => ({ id: entry.id, outcome }),
            (error: unknown) => ({ id: entry.id, error }),
          ),
        );
      }
      if (inFlight.size === 0) break;
      // Something may come due while only slow requests are out: the timer wakes this pass for it.
      if (ended === null && nextAt !== null) schedule(nextAt);
      const woken = new Promise<null>((resolve) => {
        wake = () => resolve(null);
      });
      const done = await Promise.race([...inFlight.values(), woken]);
      wake = null;
      if (done === null) continue;
      inFlight.delete(done.id);
      look = true;
      if ('error' in done) {
        failure ??= done;
        ended = stronger(ended ?? 'stop-pass', 'stop-pass');
        continue;
      }
      deps.onChange?.(done.id);
      const { outcome } = done;
      noAnswers = outcome === 'no-answer' ? noAnswers + 1 : outcome === 'answered' ? 0 : noAnswers;
      if (noAnswers >= NO_ANSWERS_IN_A_ROW) ended = stronger(ended ?? 'stop-pass', 'stop-pass');
      if (outcome !== 'answered' && outcome !== 'next' && outcome !== 'no-answer')
        ended = stronger(ended ?? outcome, outcome);
    }
    if (failure) throw failure.error;
    return ended ?? 'next';
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
    if (deps.desk && (await outbox.listAtDesk(deps.db)).length > 0) {
      const poll = deps.now() + DESK_POLL_MS;
      return next.nextTryAt === null ? poll : Math.min(next.nextTryAt, poll);
    }
    return next.nextTryAt;
  }

  async function drain(): Promise<void> {
    const ended: { outcome: PassOutcome } = { outcome: 'next' };
    let outcome: PassOutcome;
    try {
      await deps.lock.run(async (held) => {
        let askedDesk = false;
        do {
          again = false;
          ended.outcome = await pass(held);
          // Once a drain, online and not paused: what the posting desk holds (posted, lost, withdrawn).
          if (deps.desk && !askedDesk && ended.outcome === 'next' && held() && !stopped) {
            askedDesk = true;
            const { deskPass } = await import('./deskPass.ts');
            const desk = await deskPass(send);
            if (desk.requeued) again = true;
            ended.outcome = desk.ended;
          }
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
    deps.onPassEnd?.();
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
      wake?.();
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
