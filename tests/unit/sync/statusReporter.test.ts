// Issue 26: the status report's timing — after every send pass (at most one a minute, passes in
// between folded into one), at least hourly, quiet and not retried at once on a failure, and waiting
// while offline — on the test's clock and timers (no sleeps); and the queue runner tells it when a
// pass ends, whatever the pass did.
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import type { Answer, Client } from '../../../src/sync/client.ts';
import {
  createStatusReporter,
  STATUS_EVERY_MS,
  STATUS_MIN_GAP_MS,
  type StatusReporterDeps,
} from '../../../src/sync/relay/deviceStatus.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const settle = async () => {
  for (let i = 0; i < 5; i++) await turn();
};

/** A clock and timers the test moves by hand. */
function fakeTime(start = Date.parse('2026-12-07T09:00:00Z')) {
  let t = start;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => t,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: t + ms, run };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      timers = timers.filter((x) => x !== timer);
    },
    pending: () => timers.length,
    /** Moves the clock on by `ms`, running each timer that comes due, in order. */
    async advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const next = timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((x) => x !== next);
        t = next.at;
        next.run();
        await settle();
      }
      t = end;
    },
  };
}

function reporterWith(change: Partial<StatusReporterDeps> = {}) {
  const time = fakeTime();
  const calls: number[] = [];
  const errors: unknown[] = [];
  let online = true;
  const reporter = createStatusReporter({
    report: async () => {
      calls.push(time.now());
      return true;
    },
    now: time.now,
    setTimer: time.setTimer,
    clearTimer: time.clearTimer,
    isOnline: () => online,
    onError: (error) => errors.push(error),
    ...change,
  });
  return {
    reporter,
    time,
    calls,
    errors,
    setOnline: (value: boolean) => {
      online = value;
    },
  };
}

describe('the status reporter', () => {
  it('reports after the first pass at once, then at most once a minute however many passes come', async () => {
    const { reporter, time, calls } = reporterWith();
    reporter.passEnded();
    await settle();
    expect(calls).toHaveLength(1);
    for (let i = 0; i < 10; i++) {
      await time.advance(5_000);
      reporter.passEnded();
    }
    await settle();
    expect(calls).toHaveLength(1); // 50 s later: still one
    await time.advance(STATUS_MIN_GAP_MS);
    expect(calls).toHaveLength(2); // the passes in between made one report, at the minute
    expect((calls[1] ?? 0) - (calls[0] ?? 0)).toBe(STATUS_MIN_GAP_MS);
  });

  it('reports every hour without any pass, while online', async () => {
    const { reporter, time, calls } = reporterWith();
    reporter.passEnded();
    await settle();
    await time.advance(3 * STATUS_EVERY_MS);
    expect(calls).toHaveLength(4);
    expect(calls.map((c) => c - (calls[0] ?? 0))).toEqual([0, 1, 2, 3].map((h) => h * STATUS_EVERY_MS));
  });

  it('a failure is quiet and not retried at once: the next pass after the minute, or the hour', async () => {
    let n = 0;
    const { reporter, time, errors } = reporterWith({
      report: async () => {
        n += 1;
        throw new TypeError('a bug, say');
      },
    });
    reporter.passEnded();
    await settle();
    expect(n).toBe(1);
    expect(errors).toHaveLength(1);
    await time.advance(STATUS_MIN_GAP_MS - 1);
    reporter.passEnded(); // a pass before the minute: waits for it
    await settle();
    expect(n).toBe(1);
    await time.advance(1);
    expect(n).toBe(2);
    await time.advance(STATUS_EVERY_MS - 1);
    expect(n).toBe(2); // no tight loop: only the hour brings the next
    await time.advance(1);
    expect(n).toBe(3);
    expect(time.pending()).toBe(1); // one timer, the next hour's
  });

  it('offline, the hour passes without a report; the pass after coming online reports', async () => {
    const { reporter, time, calls, setOnline } = reporterWith();
    reporter.passEnded();
    await settle();
    setOnline(false);
    await time.advance(2 * STATUS_EVERY_MS);
    expect(calls).toHaveLength(1);
    setOnline(true);
    reporter.passEnded();
    await settle();
    expect(calls).toHaveLength(2);
  });

  it('a pass that ends while a report is out makes one more after the minute, not two at once', async () => {
    let release: () => void = () => {};
    let n = 0;
    const { reporter, time } = reporterWith({
      report: () => {
        n += 1;
        return new Promise<boolean>((resolve) => {
          release = () => resolve(true);
        });
      },
    });
    reporter.passEnded();
    reporter.passEnded();
    reporter.passEnded();
    await settle();
    expect(n).toBe(1);
    release();
    await settle();
    expect(n).toBe(1);
    await time.advance(STATUS_MIN_GAP_MS);
    expect(n).toBe(2);
  });
  it('a pass with nothing to report (not on a relay yet) does not hold back the next one', async () => {
    let onRelay = false;
    const sent: number[] = [];
    const { reporter, time } = reporterWith({
      report: async () => {
        if (onRelay) sent.push(time.now());
        return onRelay;
      },
    });
    reporter.passEnded(); // at unlock, before "Connect"
    await settle();
    await time.advance(5_000);
    onRelay = true; // "Connect": its save runs a pass
    reporter.passEnded();
    await settle();
    expect(sent).toHaveLength(1);
  });
});

describe('the queue runner and the report', () => {
  const ok: Answer = {
    kind: 'response',
    status: 201,
    type: 'basic',
    contentType: 'application/json',
    retryAfter: null,
    totalCount: null,
    json: { id: 'x' },
  };

  it('tells it after each pass, with nothing to send or offline too', async () => {
    const db = createDb(`status-runner-${Date.now()}`);
    const cipher = await testCipher();
    const client: Client = { request: async () => ok };
    let online = true;
    let ended = 0;
    const runner = createQueueRunner({
      db,
      cipher,
      client,
      lock: memoryLock(true),
      connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: '', token: 't' }),
      now: () => Date.parse('2026-12-07T09:00:00Z'),
      random: () => 0.5,
      setTimer: () => null,
      clearTimer: () => undefined,
      isOnline: () => online,
      onPassEnd: () => {
        ended += 1;
      },
    });
    await runner.trigger('start');
    expect(ended).toBe(1);
    online = false;
    await runner.trigger('visible');
    expect(ended).toBe(2);
    runner.stop();
    db.close();
  });
});
