// The send queue runner: drives every queued story to Care Opinion exactly once from the page
// (iPadOS has no Background Sync). One runner across tabs (the lock); the same Idempotency-Key on
// every retry; answers classified by the domain (API.md); backoff with full jitter.
import { classifyAnswer } from '../domain/answers.ts';
import { nextDelayMs } from '../domain/backoff.ts';
import { redactFieldErrors } from '../domain/fieldErrors.ts';
import type { OutboxEntry } from '../domain/sendEntry.ts';
import { type QueuedStory, QueuedStorySchema } from '../domain/submission.ts';
import type { Cipher } from '../store/cipher.ts';
import type { StoryDb } from '../store/db.ts';
import * as outbox from '../store/outbox.ts';
import type { Client, Connection } from './client.ts';
import type { RunnerLock } from './runnerLock.ts';

export type Trigger = 'start' | 'online' | 'visible' | 'queued' | 'send-now' | 'timer' | 'settings-saved';

export type QueueStatus = {
  waiting: number;
  /** "Sending 3 of 12" while a pass drains. */
  sending: { index: number; total: number } | null;
  lastSentAt: number | null;
  /** Why the whole queue is held (a key that was not accepted). */
  paused: string | null;
  nextTryAt: number | null;
};

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
  /** A story changed state (to refresh lists, tell other tabs). */
  onChange?: () => void;
  /**
   * navigator.onLine. Only a hint, but "false" means no network interface at all: a request could
   * not leave the device, so none is made (and the story stays editable, never attempted).
   */
  isOnline?: () => boolean;
};

export type QueueRunner = { trigger(reason: Trigger): Promise<void>; stop(): void };

type Outcome = 'next' | 'stop-pass' | 'paused';

/** When the database could not even be read, look again after this long. */
const RETRY_READ_MS = 30_000;

const DAMAGED =
  'This story could not be read back on this device, so it was not sent. Open it, check it and send it again.';
const INCOMPLETE =
  'This story is not complete, or has no consent, so it was not sent. Open it, check it and send it again.';

/** The story's own personal values, to keep out of anything stored in the clear. */
function secretsOf(story: QueuedStory): string[] {
  const { username, email, postcode } = story.author;
  return [username, email ?? '', postcode, story.title, story.body];
}

export function createQueueRunner(deps: QueueDeps): QueueRunner {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let timer: unknown = null;
  let sending: QueueStatus['sending'] = null;

  async function publish(): Promise<void> {
    const [active, lastSentAt, paused] = await Promise.all([
      outbox.listActive(deps.db),
      outbox.getLastSentAt(deps.db),
      outbox.getPause(deps.db),
    ]);
    const next = active.filter((e) => e.state === 'queued').map((e) => e.nextAttemptAt);
    deps.onStatus?.({
      waiting: active.length,
      sending,
      lastSentAt,
      paused,
      nextTryAt: next.length ? Math.min(...next) : null,
    });
  }

  async function sendOne(entry: OutboxEntry): Promise<Outcome> {
    const body = await outbox.openBody(deps.cipher, entry);
    // No consent, no upload — checked again here, whatever the outbox holds. A payload that cannot
    // be opened or is not a complete, consented story is set aside for a person, never sent.
    const story = body === undefined ? null : QueuedStorySchema.safeParse(body);
    if (!story?.success) {
      const reason = body === undefined ? DAMAGED : INCOMPLETE;
      await outbox.markNeedsAttention(deps.db, entry.id, reason, []);
      deps.onChange?.();
      return 'next';
    }
    // The same entry as read (same key), or nothing: an edited story re-queued meanwhile waits.
    const marked = await outbox.markSending(deps.db, entry.id, entry.idempotencyKey, deps.now());
    if (!marked.ok) return 'stop-pass'; // the disk refuses writes: try again on the next trigger
    if (marked.value === null) return 'next'; // withdrawn or re-queued meanwhile
    deps.onChange?.();
    const answer = await deps.client.request(deps.connection(), '/opinions', {
      method: 'POST',
      body: story.data,
      headers: { 'Idempotency-Key': marked.value.idempotencyKey },
    });
    const now = deps.now();
    if (answer.kind === 'cancelled') return 'stop-pass';
    const verdict = classifyAnswer(answer, now);
    try {
      return await settle(
        entry,
        marked.value,
        verdict,
        answer.kind === 'response',
        now,
        secretsOf(story.data),
      );
    } finally {
      deps.onChange?.();
    }
  }

  async function settle(
    entry: OutboxEntry,
    marked: OutboxEntry,
    verdict: ReturnType<typeof classifyAnswer>,
    answered: boolean,
    now: number,
    secrets: string[],
  ): Promise<Outcome> {
    switch (verdict.class) {
      case 'sent':
        await outbox.markSent(deps.db, deps.cipher, entry.id, verdict.id, now);
        return 'next';
      case 'needs-attention':
        await outbox.markNeedsAttention(
          deps.db,
          entry.id,
          verdict.reason,
          redactFieldErrors(verdict.errors, secrets),
        );
        return 'next';
      case 'key-rejected':
        await outbox.markRetry(deps.db, entry.id, {
          nextAttemptAt: now,
          notBefore: 0,
          problem: verdict.reason,
          countFailure: false,
        });
        await outbox.setPause(deps.db, verdict.reason);
        return 'paused';
      case 'retry': {
        const delay = nextDelayMs(marked.failures, deps.random, {}, verdict.retryAfterMs);
        const notBefore = verdict.retryAfterMs === undefined ? 0 : now + verdict.retryAfterMs;
        await outbox.markRetry(deps.db, entry.id, {
          nextAttemptAt: now + delay,
          notBefore,
          problem: verdict.reason,
          countFailure: true,
        });
        // No answer at all: the device is probably offline, so the rest wait for the next trigger.
        return answered ? 'next' : 'stop-pass';
      }
    }
  }

  /** One pass over what is due now; true when more may be due (another pass should run). */
  async function pass(): Promise<boolean> {
    if (deps.isOnline?.() === false) return false;
    if (await outbox.getPause(deps.db)) return false;
    const now = deps.now();
    const due = (await outbox.listActive(deps.db)).filter(
      (e) => e.state === 'sending' || e.nextAttemptAt <= now,
    );
    for (const [i, entry] of due.entries()) {
      if (stopped) return false;
      sending = { index: i + 1, total: due.length };
      await publish();
      const outcome = await sendOne(entry);
      if (outcome === 'paused' || outcome === 'stop-pass') return false;
    }
    return due.length > 0;
  }

  function schedule(status: { nextTryAt: number | null; paused: string | null }): void {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (stopped || status.paused || status.nextTryAt === null) return;
    const wait = Math.max(0, status.nextTryAt - deps.now());
    timer = deps.setTimer(() => void trigger('timer'), wait);
  }

  async function drain(): Promise<void> {
    try {
      await deps.lock.run(async () => {
        do {
          again = false;
          while (!stopped && (await pass())) {}
        } while (again && !stopped);
      });
    } catch {
      // A read the database refused (e.g. Safari's lost connection): nothing was lost; the
      // timer below and the next trigger try again.
    }
    sending = null;
    try {
      const [active, paused] = await Promise.all([outbox.listActive(deps.db), outbox.getPause(deps.db)]);
      const next = active.filter((e) => e.state === 'queued').map((e) => e.nextAttemptAt);
      schedule({ nextTryAt: next.length ? Math.min(...next) : null, paused });
      await publish();
    } catch {
      schedule({ nextTryAt: deps.now() + RETRY_READ_MS, paused: null });
    }
  }

  async function trigger(reason: Trigger): Promise<void> {
    if (stopped) return;
    if (reason === 'settings-saved' || reason === 'send-now') await outbox.setPause(deps.db, null);
    if (reason !== 'timer') await outbox.makeAllDue(deps.db, deps.now(), reason === 'send-now');
    if (running) {
      again = true;
      return running;
    }
    running = drain().finally(() => {
      running = null;
      // A trigger that arrived after the last pass looked (e.g. a 0 ms timer firing while the
      // status was published) would otherwise be dropped, leaving no timer: run once more.
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
