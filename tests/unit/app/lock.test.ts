// The lock controller with a fake clock: idle and hidden auto-lock, saving before locking, phases.
import { describe, expect, it, vi } from 'vitest';
import {
  autoLockDue,
  createLockController,
  IDLE_WARNING_MS,
  type Timers,
  watchActivity,
} from '../../../src/app/lock/lock.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { createVault, type Vault } from '../../../src/store/vault/vault.ts';
import { FAST_KDFS, writeLegacyVault } from '../../fixtures/cipher.ts';

const MINUTE = 60_000;
const WAITING = { toSend: 3, kept: 1 };
let n = 0;

function fakeTimers(): Timers & { advance(ms: number): void } {
  let t = 1_000_000;
  let seq = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => t,
    setTimeout: (run, ms) => {
      pending.set(++seq, { at: t + ms, run });
      return seq;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
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

async function unlockedController(minutes = 5) {
  const timers = fakeTimers();
  const vault = createVault({ store: openSettingsStore(`lock-${++n}`), ...FAST_KDFS, now: timers.now });
  const events: string[] = [];
  const settings = { minutes };
  const saveAll = vi.fn(async () => {
    events.push(vault.isUnlocked() ? 'saved while unlocked' : 'saved after lock');
  });
  const controller = createLockController({
    vault,
    saveAll,
    autoLockMinutes: () => settings.minutes,
    countStoriesWaiting: async () => WAITING,
    onLocked: (reason) => events.push(`locked (${reason})`),
    onUnlocked: () => events.push('unlocked'),
    timers,
  });
  await controller.start();
  expect(controller.state.value.phase).toBe('setup');
  await vi.waitFor(() => expect(controller.state.value).toEqual({ phase: 'setup', storiesWaiting: WAITING }));
  const first = await controller.actions.setUpPin('482915');
  if (!first.ok) throw new Error(first.reason.code);
  expect(controller.state.value.phase).toBe('show-recovery');
  controller.actions.confirmRecoverySaved();
  expect(controller.state.value.phase).toBe('unlocked');
  const phase = () => controller.state.value.phase;
  return { controller, timers, vault, events, saveAll, settings, phase, recoveryCode: first.recoveryCode };
}

describe('autoLockDue', () => {
  const base = { now: 10 * MINUTE, lastActivityAt: 10 * MINUTE, hiddenSince: null, idleMs: 5 * MINUTE };
  it('locks after the idle time, or after more than a minute hidden', () => {
    expect(autoLockDue(base)).toEqual({ lock: null, checkAt: 15 * MINUTE - 30_000, idleLockAt: null });
    expect(autoLockDue({ ...base, now: 15 * MINUTE })).toEqual({ lock: 'idle' });
    expect(autoLockDue({ ...base, hiddenSince: 9 * MINUTE })).toEqual({
      lock: null,
      checkAt: 10 * MINUTE + 1,
      idleLockAt: null,
    });
    expect(autoLockDue({ ...base, hiddenSince: 9 * MINUTE - 1 })).toEqual({ lock: 'hidden' });
  });

  it('warns 30 seconds before the idle lock, only while the page is seen', () => {
    const warnAt = 15 * MINUTE - IDLE_WARNING_MS;
    expect(IDLE_WARNING_MS).toBe(30_000);
    expect(autoLockDue({ ...base, now: warnAt - 1 })).toEqual({
      lock: null,
      checkAt: warnAt,
      idleLockAt: null,
    });
    expect(autoLockDue({ ...base, now: warnAt })).toEqual({
      lock: null,
      checkAt: 15 * MINUTE,
      idleLockAt: 15 * MINUTE,
    });
    expect(autoLockDue({ ...base, now: warnAt, hiddenSince: warnAt })).toMatchObject({ idleLockAt: null });
  });
});

describe('lock controller', () => {
  it('locks after 5 idle minutes, saving first; activity starts the time again', async () => {
    const { timers, controller, events, phase, vault } = await unlockedController();
    timers.advance(4 * MINUTE);
    controller.noteActivity();
    timers.advance(4 * MINUTE);
    expect(phase()).toBe('unlocked');
    timers.advance(MINUTE);
    await vi.waitFor(() => expect(phase()).toBe('locked'));
    expect(vault.isUnlocked()).toBe(false);
    expect(events).toEqual(['unlocked', 'saved while unlocked', 'locked (idle)']);
    expect(controller.state.value.storiesWaiting).toEqual(WAITING);
  });

  it('says "Still there?" 30 s before the idle lock; "Keep open" or any activity starts the time again', async () => {
    const { timers, controller, phase } = await unlockedController(1);
    const warning = () => controller.state.value.idleLockAt;
    timers.advance(30_000 - 1);
    expect(warning()).toBeUndefined();
    timers.advance(1);
    const lockAt = timers.now() + 30_000;
    expect(warning()).toBe(lockAt);
    controller.actions.keepOpen();
    expect(warning()).toBeUndefined();
    timers.advance(30_000);
    expect(warning()).toBe(timers.now() + 30_000);
    controller.noteActivity(); // a tap or a key anywhere also means someone is there
    expect(warning()).toBeUndefined();
    timers.advance(59_000);
    expect(phase()).toBe('unlocked');
    expect(warning()).toBeDefined();
    timers.advance(1_000);
    await vi.waitFor(() => expect(phase()).toBe('locked'));
    expect(warning()).toBeUndefined();
  });

  it('warns a page seen again inside the last 30 s, and locks a page hidden past the idle time', async () => {
    const { timers, controller, phase } = await unlockedController(1);
    controller.noteVisibility(true);
    timers.advance(40_000);
    expect(controller.state.value.idleLockAt).toBeUndefined();
    controller.noteVisibility(false);
    expect(controller.state.value.idleLockAt).toBe(timers.now() + 20_000);
    controller.noteVisibility(true);
    controller.stop();
    timers.advance(30_000);
    controller.noteVisibility(false);
    await vi.waitFor(() => expect(phase()).toBe('locked'));
  });

  it('checks the PIN without locking or unlocking; a wrong one counts toward the waits', async () => {
    const { controller, phase, vault } = await unlockedController();
    expect(await controller.actions.checkPin('482915')).toEqual({ ok: true });
    for (let i = 0; i < 4; i++) expect((await controller.actions.checkPin('000111')).ok).toBe(false);
    expect(phase()).toBe('unlocked');
    expect(vault.isUnlocked()).toBe(true);
    const fifth = await controller.actions.checkPin('000111');
    expect(fifth).toMatchObject({ ok: false, retryAt: expect.any(Number) });
    // The wait applies to the right PIN too, and to an unlock after a lock.
    expect(await controller.actions.checkPin('482915')).toMatchObject({
      ok: false,
      retryAt: expect.any(Number),
    });
    expect(phase()).toBe('unlocked');
  });

  it('reads the auto-lock setting each time', async () => {
    const { timers, settings, controller, phase } = await unlockedController();
    settings.minutes = 1;
    controller.noteActivity();
    timers.advance(MINUTE - 1);
    expect(phase()).toBe('unlocked');
    timers.advance(5 * MINUTE); // the timer armed for 5 minutes looks again and finds 1 minute passed
    await vi.waitFor(() => expect(phase()).toBe('locked'));
  });

  it('locks when hidden for more than a minute, not for less', async () => {
    const { timers, controller, phase } = await unlockedController(60);
    controller.noteVisibility(true);
    timers.advance(59_000);
    controller.noteVisibility(false);
    expect(phase()).toBe('unlocked');
    controller.noteVisibility(true);
    timers.advance(MINUTE + 1); // a timer, where the hidden page still runs one
    await vi.waitFor(() => expect(phase()).toBe('locked'));
  });

  it('locks on return when the hidden page ran no timers', async () => {
    const { timers, controller, phase } = await unlockedController(60);
    controller.noteVisibility(true);
    controller.stop(); // as iOS does to a page in the background
    timers.advance(2 * MINUTE);
    controller.noteVisibility(false);
    await vi.waitFor(() => expect(phase()).toBe('locked'));
  });

  it('never auto-locks while the recovery code is on screen', async () => {
    const { timers, controller, phase, recoveryCode } = await unlockedController(1);
    await controller.actions.lock();
    expect((await controller.actions.resetPin('0000-0000-0000-0000-0000-0000', '582914')).ok).toBe(false);
    expect(phase()).toBe('locked');
    expect((await controller.actions.resetPin(recoveryCode, '582914')).ok).toBe(true);
    expect(phase()).toBe('show-recovery');
    timers.advance(10 * MINUTE);
    expect(phase()).toBe('show-recovery');
    controller.actions.confirmRecoverySaved();
    expect(phase()).toBe('unlocked');
    timers.advance(MINUTE);
    await vi.waitFor(() => expect(phase()).toBe('locked'));
    expect(await controller.actions.unlock('582914')).toEqual({ ok: true });
  });

  it('hides the story while saving, then locks', async () => {
    const { controller, saveAll, phase } = await unlockedController();
    let release: () => void = () => {};
    saveAll.mockImplementationOnce(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const locking = controller.actions.lock();
    expect(phase()).toBe('locking');
    release();
    await locking;
    expect(phase()).toBe('locked');
  });

  it('locks even when saving failed (privacy first; the draft already said it was not saved)', async () => {
    const { controller, saveAll, vault, phase } = await unlockedController();
    saveAll.mockRejectedValueOnce(new Error('disk'));
    await expect(controller.actions.lock()).resolves.toBeUndefined();
    expect(phase()).toBe('locked');
    expect(vault.isUnlocked()).toBe(false);
  });

  it('starts locked on a device with a PIN, saying stories wait', async () => {
    const store = openSettingsStore(`lock-${++n}`);
    await createVault({ store, ...FAST_KDFS }).setUp('482915');
    const controller = createLockController({
      vault: createVault({ store, ...FAST_KDFS }),
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: async () => WAITING,
      timers: fakeTimers(),
    });
    await controller.start();
    await vi.waitFor(() =>
      expect(controller.state.value).toEqual({ phase: 'locked', storiesWaiting: WAITING }),
    );
  });

  it('draws the Lock screen before the vault has loaded; a PIN submitted then waits for it, one submit', async () => {
    const store = openSettingsStore(`lock-${++n}`);
    await createVault({ store, ...FAST_KDFS }).setUp('482915');
    // The vault's loading, held by the test (as a slow chunk would hold it) and counted.
    let release: (vault: Vault) => void = () => {};
    const loading = new Promise<Vault>((done) => {
      release = done;
    });
    const unlocked = vi.fn();
    const controller = createLockController({
      vault: loading,
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: async () => WAITING,
      onUnlocked: unlocked,
      timers: fakeTimers(),
    });
    const started = controller.start('locked');
    expect(controller.state.value.phase).toBe('locked'); // at once: the first render is the Lock screen
    const answer = vi.fn();
    const submitted = controller.actions.unlock('482915').then(answer);
    await vi.waitFor(() => expect(controller.state.value.storiesWaiting).toEqual(WAITING));
    expect(answer).not.toHaveBeenCalled(); // still waiting for the vault, not refused
    release(createVault({ store, ...FAST_KDFS }));
    await submitted;
    await started;
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer).toHaveBeenCalledWith({ ok: true });
    expect(controller.state.value.phase).toBe('unlocked');
    expect(unlocked).toHaveBeenCalledTimes(1);
  });

  it('starts as first use when the vault finds no PIN, whatever the first render guessed', async () => {
    const controller = createLockController({
      vault: Promise.resolve(createVault({ store: openSettingsStore(`lock-${++n}`), ...FAST_KDFS })),
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: async () => WAITING,
      timers: fakeTimers(),
    });
    const started = controller.start('locked');
    expect(controller.state.value.phase).toBe('locked');
    await started;
    expect(controller.state.value.phase).toBe('setup');
  });

  it('shows the first screen before the story database answers whether stories wait', async () => {
    const store = openSettingsStore(`lock-${++n}`);
    await createVault({ store, ...FAST_KDFS }).setUp('482915');
    let answer: (waiting: typeof WAITING) => void = () => {};
    const controller = createLockController({
      vault: createVault({ store, ...FAST_KDFS }),
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: () => new Promise((resolve) => (answer = resolve)),
      timers: fakeTimers(),
    });
    await controller.start();
    expect(controller.state.value).toEqual({ phase: 'locked', storiesWaiting: { toSend: 0, kept: 0 } });
    answer(WAITING);
    await vi.waitFor(() => expect(controller.state.value.storiesWaiting).toEqual(WAITING));
  });

  it('counts again while locked (a locked page keeps sending), never while unlocked', async () => {
    const store = openSettingsStore(`lock-${++n}`);
    await createVault({ store, ...FAST_KDFS }).setUp('482915');
    let waiting = { toSend: 3, kept: 0 };
    const count = vi.fn(async () => waiting);
    const controller = createLockController({
      vault: createVault({ store, ...FAST_KDFS }),
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: count,
      timers: fakeTimers(),
    });
    await controller.start();
    await vi.waitFor(() => expect(controller.state.value.storiesWaiting).toEqual({ toSend: 3, kept: 0 }));
    waiting = { toSend: 1, kept: 0 };
    controller.recount();
    await vi.waitFor(() => expect(controller.state.value.storiesWaiting).toEqual({ toSend: 1, kept: 0 }));
    await controller.actions.unlock('482915');
    const calls = count.mock.calls.length;
    controller.recount();
    expect(count.mock.calls.length).toBe(calls);
  });

  it('a right but outdated PIN keeps the app locked until a new PIN is chosen, then opens it', async () => {
    const store = openSettingsStore(`lock-${++n}`);
    await writeLegacyVault(store, '4829', 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    const onUnlocked = vi.fn();
    const controller = createLockController({
      vault: createVault({ store, ...FAST_KDFS }),
      saveAll: async () => {},
      autoLockMinutes: () => 5,
      countStoriesWaiting: async () => WAITING,
      onUnlocked,
      timers: fakeTimers(),
    });
    await controller.start();
    expect(await controller.actions.unlock('4829')).toMatchObject({ ok: false, mustChangePin: true });
    expect(controller.state.value.phase).toBe('locked');
    expect(onUnlocked).not.toHaveBeenCalled();
    expect(await controller.actions.changePin('4829', '48291573')).toEqual({ ok: true });
    expect(controller.state.value.phase).toBe('unlocked');
    expect(onUnlocked).toHaveBeenCalledOnce();
  });

  it('hears pointerdown, keydown and input, and visibility changes', async () => {
    const { timers, controller, phase } = await unlockedController();
    const page = new EventTarget();
    let hidden = false;
    const stop = watchActivity(controller, page, () => hidden);
    timers.advance(4 * MINUTE);
    page.dispatchEvent(new Event('keydown'));
    timers.advance(4 * MINUTE);
    page.dispatchEvent(new Event('pointerdown'));
    timers.advance(4 * MINUTE);
    expect(phase()).toBe('unlocked');
    hidden = true;
    page.dispatchEvent(new Event('visibilitychange'));
    controller.stop();
    timers.advance(2 * MINUTE);
    hidden = false;
    page.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(phase()).toBe('locked'));
    stop();
  });
});
