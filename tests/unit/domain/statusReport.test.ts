// Issue 26: what each number of the status report counts, from the outbox entries and the stories'
// ids alone; the build id as a short version; storage figures when the browser knows none.
import { describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../../src/domain/fleet/deviceStatus.ts';
import type { OutboxEntry } from '../../../src/domain/send/sendEntry.ts';
import { appVersionOf, heldCounts, storageFigures } from '../../../src/domain/send/statusReport.ts';

const T = Date.parse('2026-12-01T09:00:00.000Z');
const entry = (id: string, change: Partial<OutboxEntry>): OutboxEntry => ({
  id,
  state: 'queued',
  version: 1,
  idempotencyKey: `key-${id}`,
  payload: 'sealed',
  attempts: 0,
  nextAttemptAt: 0,
  failures: 0,
  notBefore: 0,
  queuedAt: T,
  ...change,
});

describe('heldCounts (case table)', () => {
  it.each<[string, OutboxEntry[], string[], Record<string, unknown>]>([
    [
      'nothing on the iPad',
      [],
      [],
      { waiting: 0, needsAttention: 0, readyToPost: 0, drafts: 0, oldestWaitingAt: null },
    ],
    ['a draft is a story with no entry', [], ['d1', 'd2'], { drafts: 2, waiting: 0 }],
    [
      'queued and sending are waiting; the oldest queued time is sent',
      [
        entry('a', { queuedAt: T + 5_000 }),
        entry('b', { state: 'sending', attempts: 1, firstAttemptAt: T + 9 }),
      ],
      ['a', 'b'],
      { waiting: 2, drafts: 0, oldestWaitingAt: '2026-12-01T09:00:00.000Z' },
    ],
    [
      'withdrawn while in flight is not waiting (its story is gone already)',
      [entry('w', { state: 'sending', withdrawnAt: T + 1 })],
      [],
      { waiting: 0, oldestWaitingAt: null, drafts: 0 },
    ],
    [
      'at the posting desk (issue 27): not waiting to be sent (the relay holds it, its desk counts it), not a draft',
      [
        entry('k', { state: 'at-desk', attempts: 1, firstAttemptAt: T, desk: 'sealed', deskKid: 'd1' }),
        entry('q', {
          state: 'queued',
          attempts: 1,
          firstAttemptAt: T,
          desk: 'sealed',
          deskKid: 'd1',
          queuedAt: T + 7,
        }),
      ],
      ['k', 'q'],
      {
        waiting: 1,
        needsAttention: 0,
        readyToPost: 0,
        drafts: 0,
        oldestWaitingAt: '2026-12-01T09:00:00.007Z',
      },
    ],
    [
      'needing attention and ready to post are counted apart, not waiting',
      [entry('n', { state: 'needs-attention' }), entry('r', { state: 'ready-to-post' })],
      ['n', 'r', 'd'],
      { waiting: 0, needsAttention: 1, readyToPost: 1, drafts: 1, oldestWaitingAt: null },
    ],
    [
      'an entry from before queuedAt counts from its first try; with neither it has no time',
      [entry('old', { queuedAt: 0, firstAttemptAt: T + 60_000 }), entry('older', { queuedAt: 0 })],
      ['old', 'older'],
      { waiting: 2, oldestWaitingAt: '2026-12-01T09:01:00.000Z' },
    ],
    [
      'exported stories are still waiting (they are still sent by the iPad)',
      [entry('x', { exportedAt: T + 1 })],
      ['x'],
      { waiting: 1 },
    ],
  ])('%s', (_, entries, ids, expected) => {
    expect(heldCounts(entries, ids)).toMatchObject(expected);
  });
});

describe('the status body parts', () => {
  it('the build id as a short version: a time loses its colons; nothing usable is "unknown"', () => {
    expect(appVersionOf('2026-12-07T16:11:46.123Z')).toBe('2026-12-07T16-11-46.123Z');
    expect(appVersionOf('e2e-1')).toBe('e2e-1');
    expect(appVersionOf('x'.repeat(80))).toHaveLength(64);
    expect(appVersionOf('')).toBe('unknown');
  });

  it('storage figures: whole bytes, 0 and false when the browser does not say', () => {
    expect(storageFigures({ persisted: 'unknown' })).toEqual({
      persisted: false,
      usedBytes: 0,
      quotaBytes: 0,
    });
    expect(storageFigures({ persisted: true, usedBytes: 10.6, quotaBytes: 2e9 })).toEqual({
      persisted: true,
      usedBytes: 11,
      quotaBytes: 2e9,
    });
  });

  it('together they make a body the relay accepts', () => {
    const body = {
      ...heldCounts([entry('a', {})], ['a', 'b']),
      appVersion: appVersionOf('2026-12-07T16:11:46.123Z'),
      storage: storageFigures({ persisted: false, usedBytes: 1234 }),
    };
    expect(DeviceStatusSchema.safeParse(body).success).toBe(true);
  });
});
