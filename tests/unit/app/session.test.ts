// The collecting session in the page, with a fake clock: it survives "Lock" and a quick reload, and
// ends by the lock rules, at midnight (locking) and on "End session" (locking).
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
    autoLockMinutes: () => 5,
    lock,
    onChange: (s) => changes.push(s?.name ?? null),
    timers,
  });
  return { store, timers, lock, control, changes };
}

const SAM = { name: 'Sam', role: 'volunteer', services: [{ nacs: 'RX1', name: 'Ward 7' }], theme: '' };

describe('collecting session', () => {
  it('starts with a name (refused without), and is sealed where a reload finds it', async () => {
    const { control, store, changes } = page();
    expect(await control.start({ ...SAM, name: ' ' })).toEqual({ ok: false, missing: 'name' });
    expect(await control.start(SAM)).toEqual({ ok: true });
    expect(control.current.value?.name).toBe('Sam');
    expect(changes).toEqual(['Sam']);
    expect((await getSession(store, cipher))?.name).toBe('Sam');
  });

  it('survives "Lock" and an unlock within the idle minutes; not one after them', async () => {
    const { control, timers } = page();
    await control.start(SAM);
    await control.touch(false); // the save hook, as the lock saves first
    control.locked('manual');
    expect(control.current.value).toBeNull(); // nothing of it in the page while locked
    timers.advance(4 * MINUTE);
    await control.load(cipher);
    expect(control.current.value?.name).toBe('Sam');
    control.locked('manual');
    timers.advance(5 * MINUTE);
    await control.load(cipher);
    expect(control.current.value).toBeNull();
  });

  it('ends when the app locks by its rules (idle or hidden)', async () => {
    for (const reason of ['idle', 'hidden'] as const) {
      const { control, store } = page();
      await control.start(SAM);
      control.locked(reason);
      await vi.waitFor(async () => expect(await getSession(store, cipher)).toBeNull());
      await control.load(cipher);
      expect(control.current.value).toBeNull();
    }
  });

  it('a new page resumes it after a quick reload, not after the page was hidden for over a minute', async () => {
    const first = page();
    await first.control.start(SAM);
    first.timers.advance(2 * MINUTE);
    const reloaded = page(first.store, first.timers);
    await reloaded.control.load(cipher);
    expect(reloaded.control.current.value?.name).toBe('Sam');
    await reloaded.control.touch(true); // the iPad put the app away, and later closed it
    first.timers.advance(MINUTE + 1);
    const later = page(first.store, first.timers);
    await later.control.load(cipher);
    expect(later.control.current.value).toBeNull();
    expect(await getSession(first.store, cipher)).toBeNull();
  });

  it('a sign of life still being sealed when the app locks by its rules does not bring the session back', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow: Cipher = {
      ...cipher,
      seal: async (value, aad) => {
        await gate;
        return cipher.seal(value, aad);
      },
    };
    const first = page();
    await first.control.start(SAM);
    const { control, store } = page(first.store, first.timers, slow);
    await control.load(cipher);
    const touching = control.touch(false); // the page came back after over a minute away…
    control.locked('hidden'); // …so the app locks, and the session ends
    release();
    await touching;
    await vi.waitFor(async () => expect(await getSession(store, cipher)).toBeNull());
  });

  it('ends at midnight, and locks', async () => {
    const { control, timers, lock, store } = page();
    await control.start(SAM);
    timers.advance(13 * 60 * MINUTE);
    expect(control.current.value?.name).toBe('Sam');
    timers.advance(60 * MINUTE + 1);
    await vi.waitFor(() => expect(lock).toHaveBeenCalledOnce());
    expect(control.current.value).toBeNull();
    expect(await getSession(store, cipher)).toBeNull();
  });

  it('"End session" clears it, then locks', async () => {
    const { control, lock, store, changes } = page();
    await control.start(SAM);
    await control.end();
    expect(control.current.value).toBeNull();
    expect(await getSession(store, cipher)).toBeNull();
    expect(lock).toHaveBeenCalledOnce();
    expect(changes).toEqual(['Sam', null]);
  });
});
