// The collecting session in the page, with a fake clock: it survives every lock and a reload through
// the shift; it ends on "End session" (locking), at midnight and after Settings' long idle — then the
// next unlock offers it again ("Still …?") with one "Carry on".
import { describe, expect, it, vi } from 'vitest';
import type { Timers } from '../../../src/app/lock/lock.ts';
import { createSessionControl } from '../../../src/app/session/session.ts';
import { getSession } from '../../../src/store/settings/session.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import type { Cipher } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';

const MINUTE = 60_000;
const cipher = await testCipher();
let n = 0;

function fakeTimers(start: number): Timers & { advance(ms: number): void; set(ms: number): void } {
  let t = start;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => t,
    setTimeout: (run, ms) => {
      pending.set(++seq, { at: t + ms, run });
      return seq;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
    set(ms) {
      t = ms;
    },
    advance(ms) {
      const end = t + ms;
      for (;;) {
        const next = [...pending].filter(([, p]) => p.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        pending.delete(next[0]);
        t = next[1].at;
        next[1].run();
      }
      t = end;
    },
  };
}

/** A page: its own control over a shared store (a reload is a second page on the same store). */
function page(
  store = openSettingsStore(`app-session-${++n}`),
  timers = fakeTimers(new Date(2026, 11, 1, 10).getTime()),
  sealing: Cipher = cipher,
) {
  const lock = vi.fn(async () => {});
  const changes: (string | null)[] = [];
  const control = createSessionControl({
    store,
    cipher: sealing,
    sessionIdleHours: () => 2,
    lock,
    onChange: (s) => changes.push(s?.name ?? null),
    timers,
  });
  return { store, timers, lock, control, changes };
}

const SAM = { name: 'Sam', role: 'volunteer', services: [{ nacs: 'RX1', name: 'Ward 7' }], theme: '' };

const HOUR = 60 * MINUTE;

describe('collecting session', () => {
  it('starts with a name (refused without), and is sealed where a reload finds it', async () => {
    const { control, store, changes } = page();
    expect(await control.start({ ...SAM, name: ' ' })).toEqual({ ok: false, missing: 'name' });
    expect(await control.start(SAM)).toEqual({ ok: true });
    expect(control.current.value?.name).toBe('Sam');
    expect(changes).toEqual(['Sam']);
    expect((await getSession(store, cipher))?.name).toBe('Sam');
  });

  it('survives every lock (idle minutes, hidden, "Lock") through the shift, with no re-entry', async () => {
    const { control, timers, store } = page();
    await control.start(SAM);
    for (const away of [6 * MINUTE, 40 * MINUTE, 90 * MINUTE]) {
      await control.touch(); // the save hook, as the lock saves first
      control.locked();
      expect(control.current.value).toBeNull(); // nothing of it in the page while locked
      timers.advance(away);
      await control.load(cipher);
      expect(control.current.value).toMatchObject({ name: 'Sam', services: SAM.services });
      expect(control.lapsed.value).toBeNull();
    }
    expect((await getSession(store, cipher))?.name).toBe('Sam');
  });

  it('ends after the long idle; the next unlock asks "Still …?" and "Carry on" starts it again', async () => {
    const { control, timers, changes } = page();
    await control.start(SAM);
    await control.touch();
    control.locked();
    timers.advance(2 * HOUR);
    await control.load(cipher);
    expect(control.current.value).toBeNull();
    expect(control.lapsed.value).toMatchObject({ name: 'Sam', role: 'volunteer', services: SAM.services });
    expect(await control.carryOn()).toEqual({ ok: true });
    expect(control.current.value).toMatchObject({ name: 'Sam', startedAt: timers.now() });
    expect(control.lapsed.value).toBeNull();
    expect(changes).toEqual(['Sam', null, 'Sam']); // "sent this session" counts from the new start
  });

  it('"Start afresh" forgets the last session', async () => {
    const { control, timers, store } = page();
    await control.start(SAM);
    timers.advance(3 * HOUR);
    await control.load(cipher);
    expect(control.lapsed.value?.name).toBe('Sam');
    await control.forget();
    expect(control.lapsed.value).toBeNull();
    expect(await getSession(store, cipher)).toBeNull();
    await control.load(cipher);
    expect(control.lapsed.value).toBeNull();
  });

  it('a new page resumes it after a reload within the long idle, and asks "Still …?" after it', async () => {
    const first = page();
    await first.control.start(SAM);
    first.timers.advance(30 * MINUTE);
    const reloaded = page(first.store, first.timers);
    await reloaded.control.load(cipher);
    expect(reloaded.control.current.value?.name).toBe('Sam');
    await reloaded.control.touch(); // the iPad put the app away, and later closed it
    first.timers.advance(2 * HOUR);
    const later = page(first.store, first.timers);
    await later.control.load(cipher);
    expect(later.control.current.value).toBeNull();
    expect(later.control.lapsed.value?.name).toBe('Sam');
  });

  it('ends at midnight without locking, and Home asks "Still …?"', async () => {
    const { control, timers, lock } = page();
    await control.start(SAM);
    timers.advance(13 * HOUR);
    expect(control.current.value?.name).toBe('Sam');
    timers.advance(HOUR + 1);
    expect(control.current.value).toBeNull();
    expect(control.lapsed.value?.name).toBe('Sam');
    expect(lock).not.toHaveBeenCalled();
  });

  it('"End session" clears it, then locks; the next unlock does not ask "Still …?"', async () => {
    const { control, lock, store, changes } = page();
    await control.start(SAM);
    await control.end();
    expect(control.current.value).toBeNull();
    expect(await getSession(store, cipher)).toBeNull();
    expect(lock).toHaveBeenCalledOnce();
    expect(changes).toEqual(['Sam', null]);
    await control.load(cipher);
    expect(control.lapsed.value).toBeNull();
  });
});
