// The collecting session: starting one, reading one back leniently, and the one rule for when it
// ends ("End session", midnight, Settings' long idle — never a lock), as a case table and as properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asksToCarryOn,
  type CollectingSession,
  carryOn,
  guideOf,
  nextLocalMidnight,
  notChosenYet,
  pinFirst,
  readSession,
  recordedByOf,
  type SessionFacts,
  sessionEnd,
  startSession,
} from '../../../src/domain/session/session.ts';

const MINUTE = 60_000;
/** 10:00 local time on a weekday, whatever the machine's time zone. */
const TEN = new Date(2026, 11, 1, 10, 0).getTime();
const WARD = { nacs: 'RX1-7', name: 'Ward 7' };
const CLINIC = { nacs: 'RX1-9', name: 'Eye clinic' };

function session(overrides: Partial<CollectingSession> = {}): CollectingSession {
  const started = startSession(
    { name: ' Sam ', role: 'volunteer', services: [WARD], theme: 'discharge' },
    TEN,
  );
  if (!started.ok) throw new Error('no session');
  return { ...started.session, ...overrides };
}

describe('startSession', () => {
  it('keeps what was typed, tidied, and ends at the next local midnight', () => {
    const s = session();
    expect(s).toMatchObject({ name: 'Sam', role: 'volunteer', services: [WARD], theme: 'discharge' });
    expect(s.startedAt).toBe(TEN);
    expect(s.endsAt).toBe(new Date(2026, 11, 2).getTime());
    expect(s.activeAt).toBe(TEN);
  });

  it('needs a name: it is who records consent', () => {
    expect(startSession({ name: '   ', role: 'nurse', services: [], theme: '' }, TEN)).toEqual({
      ok: false,
      missing: 'name',
    });
  });

  it('midnight is by the calendar, so a day of 23 or 25 hours (clocks changing) still ends at midnight', () => {
    const beforeSpring = new Date(2026, 2, 29, 0, 30).getTime();
    expect(new Date(nextLocalMidnight(beforeSpring)).getDate()).toBe(30);
    expect(new Date(nextLocalMidnight(beforeSpring)).getHours()).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), (now) => {
        const midnight = nextLocalMidnight(now);
        expect(midnight).toBeGreaterThan(now);
        expect(midnight - now).toBeLessThanOrEqual(25 * 60 * MINUTE);
        expect(new Date(midnight).getHours()).toBe(0);
        expect(new Date(midnight).getMinutes()).toBe(0);
      }),
    );
  });
});

describe('readSession', () => {
  it('reads a stored session back, and anything without a name or times as none', () => {
    expect(readSession(JSON.parse(JSON.stringify(session())))).toEqual(session());
    expect(readSession(undefined)).toBeNull();
    expect(readSession({ ...session(), name: '' })).toBeNull();
    expect(readSession({ ...session(), endsAt: 0 })).toBeNull();
    // A damaged field falls back; the rest is kept.
    expect(readSession({ ...session(), services: 'Ward 7', theme: 4 })).toMatchObject({
      name: 'Sam',
      services: [],
      theme: '',
    });
  });
});

describe('sessionEnd: the one rule for when a session ends (the session lasts the shift)', () => {
  const HOUR = 60 * MINUTE;
  /** Settings' default long idle: 2 hours. */
  const facts = (over: Partial<SessionFacts>): SessionFacts => ({
    now: TEN + MINUTE,
    idleMs: 2 * HOUR,
    ...over,
  });
  it.each([
    ['in use', null, {}, {}],
    ['at midnight', 'midnight', {}, { now: new Date(2026, 11, 2).getTime() }],
    ['a clock set back before it started', 'midnight', {}, { now: TEN - MINUTE }],
    ['"End session"', 'ended', {}, { ended: true }],
    // The locks a ward nurse meets: the idle minutes, the iPad put away, "Lock" — none of them ends it.
    ['unlocked 6 minutes after the idle lock', null, {}, { now: TEN + 11 * MINUTE }],
    ['unlocked after a 40-minute interruption', null, {}, { now: TEN + 40 * MINUTE }],
    ['unlocked just under the long idle', null, {}, { now: TEN + 2 * HOUR - 1 }],
    ['after the long idle (2 hours)', 'idle', {}, { now: TEN + 2 * HOUR }],
    ['after a shorter long idle chosen in Settings (1 hour)', 'idle', {}, { now: TEN + HOUR, idleMs: HOUR }],
    ['a sign of life resets the long idle', null, { activeAt: TEN + 3 * HOUR }, { now: TEN + 4 * HOUR }],
    ['after the long idle, at midnight', 'midnight', {}, { now: new Date(2026, 11, 2, 3).getTime() }],
  ] as [string, string | null, Partial<CollectingSession>, Partial<SessionFacts>][])(
    '%s → %s',
    (_, expected, s, f) => {
      expect(sessionEnd(session(s), facts(f))).toBe(expected);
    },
  );

  const arbitraryFacts = fc.record({
    now: fc.integer({ min: TEN - 60 * MINUTE, max: TEN + 48 * HOUR }),
    idleMs: fc.integer({ min: HOUR, max: 12 * HOUR }),
    ended: fc.boolean(),
  });

  it('never outlives its day, nor the long idle; within both only "End session" ends it', () => {
    fc.assert(
      fc.property(arbitraryFacts, (f) => {
        const s = session();
        const end = sessionEnd(s, f);
        if (f.ended) expect(end).toBe('ended');
        else if (f.now >= s.endsAt) expect(end).toBe('midnight');
        else if (f.now - s.activeAt >= f.idleMs) expect(end).not.toBeNull();
        else if (f.now >= s.startedAt) expect(end).toBeNull();
      }),
    );
  });

  it('once over, it stays over as time goes on (with nothing new to say)', () => {
    fc.assert(
      fc.property(arbitraryFacts, fc.nat(48 * HOUR), (f, later) => {
        const s = session();
        const quiet = { ...f, ended: false };
        if (sessionEnd(s, quiet) !== null && f.now >= s.startedAt)
          expect(sessionEnd(s, { ...quiet, now: f.now + later })).not.toBeNull();
      }),
    );
  });

  it('after midnight or the long idle the next unlock asks "Still …?"; after "End session" it does not', () => {
    expect(asksToCarryOn('midnight')).toBe(true);
    expect(asksToCarryOn('idle')).toBe(true);
    expect(asksToCarryOn('ended')).toBe(false);
  });

  it('"Carry on" is the same person, role, services and theme, starting now and ending at the next midnight', () => {
    const later = new Date(2026, 11, 2, 7).getTime();
    const carried = carryOn(session(), later);
    expect(carried).toEqual({
      ok: true,
      session: { ...session(), startedAt: later, activeAt: later, endsAt: new Date(2026, 11, 3).getTime() },
    });
    if (carried.ok) expect(sessionEnd(carried.session, facts({ now: later + HOUR }))).toBeNull();
  });
});

describe('what the session gives the story', () => {
  it('records consent under the session name, or the fallback with no session', () => {
    expect(recordedByOf(session(), 'Staff member')).toBe('Sam');
    expect(recordedByOf(null, 'Staff member')).toBe('Staff member');
  });

  it('gives the scripts its name, role, theme and single service; a story’s own theme wins', () => {
    expect(guideOf(session(), 'City Hospital')).toEqual({
      staffName: 'Sam',
      staffRole: 'volunteer',
      serviceName: 'Ward 7',
      organisation: 'City Hospital',
      focusTheme: 'discharge',
    });
    expect(guideOf(session({ services: [WARD, CLINIC] }), 'City Hospital', '').serviceName).toBe('');
    expect(guideOf(session(), 'City Hospital', '').focusTheme).toBe('');
    expect(guideOf(null, 'City Hospital')).toMatchObject({ staffName: '', organisation: 'City Hospital' });
  });

  it('pins the session’s services first in the picker, keeping the rest in their order', () => {
    const results = [{ service: { nacs: 'A', name: 'A' } }, { service: CLINIC }, { service: WARD }];
    expect(pinFirst(results, [WARD, CLINIC], (r) => r.service).map((r) => r.service.name)).toEqual([
      'Ward 7',
      'Eye clinic',
      'A',
    ]);
    expect(pinFirst(results, [], (r) => r.service)).toEqual(results);
    const typed = { name: 'Kingsmere Walk-in', typedByHand: true };
    expect(notChosenYet([WARD, typed], [{ name: ' kingsmere walk-in ' }])).toEqual([WARD]);
    expect(notChosenYet([WARD, CLINIC], [WARD])).toEqual([CLINIC]);
  });
});
