// The vault against a stolen device or a copy of its storage (issue 13): the device layer, Argon2id
// parameters moved to the current ones at unlock (issue 25: less memory, fewer passes), old vaults re-wrapped, old short PINs changed, set-up racing itself,
// and the wrong-PIN counter damaged or the clock moved.
import { createStore, entries, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { LOCKOUT_CAP_MS } from '../../../src/domain/lock/pin.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { createVault, recordAad, type Vault, type VaultOptions } from '../../../src/store/vault/vault.ts';
import { randomBytes, seal } from '../../../src/store/vault/vaultCrypto.ts';
import { FAST_KDFS, writeLegacyVault } from '../../fixtures/cipher.ts';

let n = 0;
const AAD = recordAad('story-1', 1);

function setup(options: Partial<VaultOptions> = {}) {
  const store = openSettingsStore(`layers-${++n}`);
  const clock = { t: 5_000_000, mono: 0 };
  const make = (more: Partial<VaultOptions> = {}): Vault =>
    createVault({
      store,
      ...FAST_KDFS,
      now: () => clock.t,
      monotonic: () => clock.mono,
      locks: null,
      ...options,
      ...more,
    });
  return { store, clock, make };
}

async function sealWith(vault: Vault, value: unknown) {
  const result = await vault.encrypt(value, AAD);
  if (!result.ok) throw new Error('locked');
  return result.sealed;
}

describe('the device layer', () => {
  it('a copy of the vault record without the device key cannot open the data key, even with the right PIN', async () => {
    const { store, make } = setup();
    const vault = make();
    await vault.setUp('482915');
    const sealed = await sealWith(vault, 'private');
    // The attacker's copy: every stored value but the device key, in another browser's storage.
    const copy = createStore(`copy-${n}`, 'kv');
    for (const [k, v] of await entries(store)) if (k !== 'device-key') await set(k, v, copy);
    const stolen = createVault({ store: copy, ...FAST_KDFS, locks: null });
    expect(await stolen.isSetUp()).toBe(true);
    expect(await stolen.unlock('482915')).toEqual({ ok: false, reason: { code: 'noDeviceKey' } });
    expect(await stolen.decrypt(sealed, AAD)).toEqual({ ok: false, reason: 'locked' });
    // With a device key of its own the outer layer still does not open.
    await set(
      'device-key',
      await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
      copy,
    );
    expect((await stolen.unlock('482915')).ok).toBe(false);
    // The recovery code is bound to the device too.
    expect((await stolen.resetPin('0000-0000-0000-0000-0000-0000', '582914')).ok).toBe(false);
    // The real device still opens.
    const home = make();
    expect(await home.unlock('482915')).toEqual({ ok: true });
    expect(await home.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'private' });
  });
});

describe('re-wrapping at unlock', () => {
  it('raises stored Argon2id parameters that are lower than the current ones, keeping the same key', async () => {
    const { store, make } = setup();
    const low = { name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 } as const;
    const high = { name: 'argon2id', memoryKiB: 256, iterations: 2, parallelism: 1 } as const;
    const first = make({ pinKdf: low });
    await first.setUp('482915');
    const sealed = await sealWith(first, 'kept');
    const before = (await get('vault', store)) as { pin: { kdf: unknown }; recovery: unknown };
    expect(before.pin.kdf).toEqual(low);

    const raised = make({ pinKdf: high });
    expect(await raised.unlock('482915')).toEqual({ ok: true });
    const after = (await get('vault', store)) as { pin: { kdf: unknown }; recovery: unknown };
    expect(after.pin.kdf).toEqual(high);
    expect(after.recovery).toEqual(before.recovery);
    expect(await raised.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'kept' });
    // Unchanged parameters are not re-wrapped: the same stored wrap.
    expect(await make({ pinKdf: high }).unlock('482915')).toEqual({ ok: true });
    expect(((await get('vault', store)) as { pin: unknown }).pin).toEqual(after.pin);
  });

  it('moves a vault set up with the old parameters (more memory, 3 passes) to the current ones (less memory, 2 passes) at its next unlock; the counter and the recovery code still work', async () => {
    const { store, make } = setup();
    // Issue 25's change in miniature (64 MiB × 3 passes → 46 MiB × 2): every parameter lower or equal.
    const old = { name: 'argon2id', memoryKiB: 64, iterations: 3, parallelism: 1 } as const;
    const current = { name: 'argon2id', memoryKiB: 46, iterations: 2, parallelism: 1 } as const;
    const first = make({ pinKdf: old });
    const setUp = await first.setUp('482915');
    if (!setUp.ok) throw new Error(setUp.reason.code);
    const sealed = await sealWith(first, 'kept');
    const before = (await get('vault', store)) as { pin: { kdf: unknown }; recovery: unknown };
    expect(before.pin.kdf).toEqual(old);

    const vault = make({ pinKdf: current });
    expect(await vault.unlock('482915')).toEqual({ ok: true });
    const after = (await get('vault', store)) as { pin: { kdf: unknown }; recovery: unknown };
    expect(after.pin.kdf).toEqual(current);
    expect(after.recovery).toEqual(before.recovery);
    expect(await vault.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'kept' });

    // The wrong-PIN counter still counts against the re-wrapped record, and a right PIN clears it.
    const later = make({ pinKdf: current });
    expect(await later.unlock('000000')).toMatchObject({
      ok: false,
      reason: { code: 'wrongPin', failures: 1 },
    });
    expect(await later.unlock('000001')).toMatchObject({
      ok: false,
      reason: { code: 'wrongPin', failures: 2 },
    });
    expect(await later.unlock('482915')).toEqual({ ok: true });
    expect(await make({ pinKdf: current }).unlock('000000')).toMatchObject({
      ok: false,
      reason: { code: 'wrongPin', failures: 1 },
    });
    // The recovery code (kept from set-up) still opens the same key under a new PIN.
    expect(await make({ pinKdf: current }).checkRecoveryCode(setUp.recoveryCode)).toEqual({ ok: true });
    const reset = make({ pinKdf: current });
    expect((await reset.resetPin(setUp.recoveryCode, '582914')).ok).toBe(true);
    expect(await reset.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'kept' });
    expect(await make({ pinKdf: current }).unlock('582914')).toEqual({ ok: true });
  });

  it('re-wraps a PBKDF2 vault from before the device layer (Argon2id + device key), recovery code still working', async () => {
    const { store, make } = setup();
    const code = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01';
    const dataKey = await writeLegacyVault(store, '482915', code);
    const sealed = await seal(dataKey, { text: 'older story' }, AAD, randomBytes);

    const vault = make();
    expect(await vault.unlock('482915')).toEqual({ ok: true });
    expect(await vault.decrypt(sealed, AAD)).toEqual({ ok: true, value: { text: 'older story' } });
    const record = (await get('vault', store)) as { version: number; pin: { kdf: { name: string } } };
    expect(record.version).toBe(3);
    expect(record.pin.kdf.name).toBe('argon2id');
    expect(await get('device-key', store)).toBeInstanceOf(CryptoKey);
    expect(await make().checkRecoveryCode(code)).toEqual({ ok: true });
    expect(await make().unlock('482915')).toEqual({ ok: true });
  });

  it('asks for a new PIN when the old one is too short, and keeps every story', async () => {
    const { store, make } = setup();
    const dataKey = await writeLegacyVault(store, '4829', 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01');
    const sealed = await seal(dataKey, 'from a 4-digit PIN', AAD, randomBytes);

    const vault = make();
    expect(await vault.unlock('4829')).toMatchObject({ ok: false, mustChangePin: true });
    expect(vault.isUnlocked()).toBe(false);
    expect(await vault.changePin('4829', '123456')).toMatchObject({
      ok: false,
      reason: { code: 'tooEasy' },
    });
    expect(await vault.changePin('4829', '48291573')).toEqual({ ok: true });
    expect(await vault.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'from a 4-digit PIN' });
    expect((await make().unlock('4829')).ok).toBe(false);
    const later = make();
    expect(await later.unlock('48291573')).toEqual({ ok: true });
    expect(await later.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'from a 4-digit PIN' });
  });
});

/** One lock at a time across the "pages" of a test, as navigator.locks does across tabs. */
function fakeLocks(): Pick<LockManager, 'request'> {
  let queue: Promise<unknown> = Promise.resolve();
  const request = (_name: string, run: () => Promise<unknown>) => {
    const result = queue.then(run);
    queue = result.catch(() => undefined);
    return result;
  };
  return { request } as unknown as Pick<LockManager, 'request'>;
}

describe('two pages setting a PIN at once', () => {
  it.each([
    ['with Web Locks', fakeLocks()],
    ['without Web Locks (compare-and-set alone)', null],
  ])(
    'end with one stored key (%s); only the page whose key was stored may seal, and every story opens',
    async (_, locks) => {
      const { make } = setup({ locks });
      const [a, b] = [make(), make()];
      const results = await Promise.all([a.setUp('482915'), b.setUp('739264')]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: { code: 'alreadySet' } });
      const [winner, winnerPin, loser] = results[0]?.ok ? [a, '482915', b] : [b, '739264', a];
      expect(loser.isUnlocked()).toBe(false);
      expect((await loser.encrypt('lost?', AAD)).ok).toBe(false);
      const sealed = await sealWith(winner, 'readable');
      const later = make();
      expect(await later.unlock(winnerPin)).toEqual({ ok: true });
      expect(await later.decrypt(sealed, AAD)).toEqual({ ok: true, value: 'readable' });
    },
  );
});

describe('the wrong-PIN counter', () => {
  async function lockedOut() {
    const s = setup();
    await s.make().setUp('482915');
    const vault = s.make();
    for (let i = 0; i < 5; i++) await vault.unlock('111111');
    return { ...s, vault };
  }

  it('reads a damaged counter as the most failures: the longest wait, kept across a reload', async () => {
    const { store, make, clock } = await lockedOut();
    const stored = (await get('vault-lockout', store)) as { iv: Uint8Array; data: Uint8Array };
    const data = stored.data.slice();
    data[0] = (data[0] ?? 0) ^ 1;
    await set('vault-lockout', { ...stored, data }, store);
    expect(await make().unlock('482915')).toMatchObject({ ok: false, retryAt: clock.t + LOCKOUT_CAP_MS });
    clock.t += 60_000;
    expect(await make().unlock('482915')).toMatchObject({
      ok: false,
      retryAt: clock.t + LOCKOUT_CAP_MS - 60_000,
    });
    // A plain counter of zero (forged without the device key) is damaged too.
    await set('vault-lockout', { failures: 0, lastFailureAt: 0 }, store);
    expect(await make().unlock('482915')).toMatchObject({ ok: false, retryAt: clock.t + LOCKOUT_CAP_MS });
    clock.t += LOCKOUT_CAP_MS;
    expect(await make().unlock('482915')).toEqual({ ok: true });
  });

  it('times a wait in the page with the monotonic clock: moving the wall clock forward does not end it', async () => {
    const { vault, clock } = await lockedOut();
    clock.t += 24 * 3_600_000;
    expect(await vault.unlock('482915')).toMatchObject({ ok: false, retryAt: clock.t + 30_000 });
    clock.mono += 30_000;
    expect(await vault.unlock('482915')).toEqual({ ok: true });
  });

  it('across a reload uses the wall clock, and a clock turned back does not stretch the wait', async () => {
    const { make, clock } = await lockedOut();
    clock.t -= 3_600_000;
    expect(await make().unlock('482915')).toMatchObject({ ok: false, retryAt: clock.t + 30_000 });
    clock.t += 30_000;
    expect(await make().unlock('482915')).toEqual({ ok: true });
  });
});
