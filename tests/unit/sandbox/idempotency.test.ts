// The idempotency record itself: deep-equal bodies match whatever their key order, in-progress and
// completed keys answer as API.md says, and records are kept for at least 30 days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  createIdempotencyStore,
  fingerprintOf,
  RETENTION_MS,
  type Receipt,
} from '../../sandbox/idempotency.ts';

const DAY = 24 * 60 * 60 * 1000;

function shuffleKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffleKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, shuffleKeys(v)]),
    );
  }
  return value;
}

describe('fingerprints', () => {
  it('ignore key order at every depth', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(fingerprintOf(shuffleKeys(value))).toBe(fingerprintOf(value));
      }),
    );
  });

  it('tell different bodies apart, array order included', () => {
    expect(canonicalJson({ b: 1, a: [1, 2] })).toBe('{"a":[1,2],"b":1}');
    expect(fingerprintOf({ a: [1, 2] })).not.toBe(fingerprintOf({ a: [2, 1] }));
    expect(fingerprintOf({ a: '1' })).not.toBe(fingerprintOf({ a: 1 }));
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        fc.pre(canonicalJson(a) !== canonicalJson(b));
        expect(fingerprintOf(a)).not.toBe(fingerprintOf(b));
      }),
    );
  });
});

describe('the idempotency store', () => {
  const receipt: Receipt = { id: 'story-1', status: 'received', links: [] };

  it('moves a key from new to in progress to completed, or back to free', () => {
    let now = 0;
    const store = createIdempotencyStore(() => now);
    expect(store.check('k', 'f')).toEqual({ kind: 'new' });
    store.begin('k');
    expect(store.check('k', 'f')).toEqual({ kind: 'in-progress' });
    store.release('k');
    expect(store.check('k', 'f')).toEqual({ kind: 'new' });
    store.begin('k');
    store.complete({ key: 'k', fingerprint: 'f', receipt, storedAt: now });
    expect(store.countInProgress()).toBe(0);
    now += 29 * DAY;
    expect(store.check('k', 'f')).toEqual({ kind: 'replay', receipt });
    expect(store.check('k', 'other')).toEqual({ kind: 'mismatch' });
    now = RETENTION_MS;
    expect(store.check('k', 'f')).toEqual({ kind: 'replay', receipt });
    now = RETENTION_MS + 1;
    expect(store.check('k', 'f')).toEqual({ kind: 'new' });
  });
});
