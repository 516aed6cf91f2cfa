// The wrong-PIN counter cannot be reset (issue 22, row 8): deleting it, putting an older copy back
// or passing the record off as an older one counts as the most failures; a right PIN, a new PIN or
// the recovery code leave a sealed zero; a vault from before gets its counter at its next unlock.
import { del, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { LOCKOUT_CAP_MS } from '../../../src/domain/lock/pin.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { createVault, recordAad, type Vault } from '../../../src/store/vault/vault.ts';
import { randomBytes, seal } from '../../../src/store/vault/vaultCrypto.ts';
import { FAST_KDFS, writeUnboundVault } from '../../fixtures/cipher.ts';

let n = 0;
const PIN = '482915';
const WRONG = '111111';
const CODE = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01';

function setup() {
  const store = openSettingsStore(`counter-${++n}`);
  const clock = { t: 7_000_000, mono: 0 };
  const make = (): Vault =>
    createVault({ store, ...FAST_KDFS, now: () => clock.t, monotonic: () => clock.mono, locks: null });
  const counter = () => get('vault-lockout', store);
  const wrong = async (times: number) => {
    for (let i = 0; i < times; i++) await make().unlock(WRONG);
  };
  return { store, clock, make, counter, wrong };
}

async function setUp() {
  const s = setup();
  const first = await s.make().setUp(PIN);
  if (!first.ok) throw new Error(first.reason.code);
  return { ...s, recoveryCode: first.recoveryCode };
}

const longestWait = (t: number) => ({ ok: false, retryAt: t + LOCKOUT_CAP_MS });

describe('the wrong-PIN counter cannot be reset', () => {
  it('counts a deleted counter as the most failures: the longest wait, even for the right PIN', async () => {
    const { store, make, clock, wrong } = await setUp();
    await wrong(5);
    await del('vault-lockout', store);
    expect(await make().unlock(PIN)).toMatchObject(longestWait(clock.t));
    clock.t += LOCKOUT_CAP_MS;
    expect(await make().unlock(PIN)).toEqual({ ok: true });
  });

  it('refuses an older counter put back: the longest wait', async () => {
    const { store, make, clock, counter, wrong } = await setUp();
    await wrong(1);
    const older = await counter();
    expect(older).toBeDefined();
    await wrong(4);
    expect(await make().unlock(PIN)).toMatchObject({ ok: false, retryAt: clock.t + 30_000 });
    await set('vault-lockout', older, store);
    expect(await make().unlock(PIN)).toMatchObject(longestWait(clock.t));
  });

  it('refuses a bound record passed off as one from before the counter', async () => {
    const { store, make, wrong } = await setUp();
    await wrong(5);
    const { lockout: _, ...unbound } = (await get('vault', store)) as Record<string, unknown>;
    await set('vault', { ...unbound, version: 2 }, store);
    await del('vault-lockout', store);
    const vault = make();
    expect(await vault.unlock(PIN)).toMatchObject({ ok: false, reason: { code: 'noDeviceKey' } });
    expect(vault.isUnlocked()).toBe(false);
  });

  it('writes a sealed zero after a right PIN, never deleting the counter', async () => {
    const { store, make, clock, counter, wrong } = await setUp();
    await wrong(4);
    expect(await make().unlock(PIN)).toEqual({ ok: true });
    expect(Object.keys((await counter()) as object).sort()).toEqual(['data', 'iv']);
    // Zero: four more wrong PINs are free again, the fifth waits the first step.
    await wrong(4);
    expect(await make().unlock(WRONG)).toMatchObject({ ok: false, retryAt: clock.t + 30_000 });
    // And it is needed: without it, the longest wait.
    clock.t += 30_000;
    expect(await make().unlock(PIN)).toEqual({ ok: true });
    await del('vault-lockout', store);
    expect(await make().unlock(PIN)).toMatchObject(longestWait(clock.t));
  });

  it('starts a new PIN from the recovery code at a sealed zero, and refuses the counter from before', async () => {
    const { store, make, clock, counter, wrong, recoveryCode } = await setUp();
    await wrong(5);
    const before = await counter();
    const reset = await make().resetPin(recoveryCode, '7654329');
    expect(reset.ok).toBe(true);
    expect(await counter()).toBeDefined();
    expect(await make().unlock('7654329')).toEqual({ ok: true });
    await set('vault-lockout', before, store);
    expect(await make().unlock('7654329')).toMatchObject(longestWait(clock.t));
  });
});

describe('a vault from before the bound counter', () => {
  it('opens at its next unlock without a wait, and gets its counter then', async () => {
    const { store, make, counter, clock } = setup();
    const dataKey = await writeUnboundVault(store, PIN, CODE);
    expect(await counter()).toBeUndefined();
    const vault = make();
    expect(await vault.unlock(PIN)).toEqual({ ok: true });
    const sealed = await seal(dataKey, 'older story', recordAad('s', 1), randomBytes);
    expect(await vault.decrypt(sealed, recordAad('s', 1))).toEqual({ ok: true, value: 'older story' });
    expect(((await get('vault', store)) as { version: number }).version).toBe(3);
    expect(await counter()).toBeDefined();
    expect(await make().checkRecoveryCode(CODE)).toEqual({ ok: true });
    // From now on the counter is needed.
    await del('vault-lockout', store);
    expect(await make().unlock(PIN)).toMatchObject(longestWait(clock.t));
  });

  it('gets its counter at a wrong PIN too, so deleting it then does not reset the count', async () => {
    const { store, make, clock } = setup();
    await writeUnboundVault(store, PIN, CODE);
    expect(await make().unlock(WRONG)).toMatchObject({ ok: false });
    await del('vault-lockout', store);
    expect(await make().unlock(PIN)).toMatchObject(longestWait(clock.t));
  });
});
