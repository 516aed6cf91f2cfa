// Issue 24.9: the recovery code stays (sealed) until "I have saved the code": a new page (a reload
// on its screen) shows the same code after the unlock; once saved it is gone. Real vault, fake KDFs.
import { get } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { createLockController, type KeptRecoveryCode } from '../../../src/app/lock/lock.ts';
import { openSettingsStore, type SettingsStore } from '../../../src/store/settings/settings.ts';
import { vaultCipher } from '../../../src/store/vault/cipher.ts';
import {
  forgetRecoveryCode,
  keepRecoveryCode,
  keptRecoveryCode,
} from '../../../src/store/vault/setupKept.ts';
import { createVault } from '../../../src/store/vault/vault.ts';
import { FAST_KDFS } from '../../fixtures/cipher.ts';

let n = 0;

/** One page's lock over the device store, as privacy.ts builds it. */
function page(store: SettingsStore) {
  const vault = createVault({ store, ...FAST_KDFS });
  const cipher = vaultCipher(vault);
  const recoveryCode: KeptRecoveryCode = {
    keep: (code) => keepRecoveryCode(store, cipher, code),
    kept: () => keptRecoveryCode(store, cipher),
    forget: () => forgetRecoveryCode(store),
  };
  return createLockController({
    vault,
    saveAll: async () => {},
    autoLockMinutes: () => 5,
    countStoriesWaiting: async () => ({ toSend: 0, kept: 0 }),
    recoveryCode,
  });
}

describe('the recovery code until "I have saved the code"', () => {
  it('a reload on its screen shows the same code after the unlock, sealed meanwhile; saved, it is gone', async () => {
    const store = openSettingsStore(`kept-code-${++n}`);
    const first = page(store);
    await first.start();
    const set = await first.actions.setUpPin('482915');
    if (!set.ok) throw new Error(set.reason.code);
    expect(first.state.value.phase).toBe('show-recovery');
    // The app closes here. Only a sealed copy is stored.
    expect(JSON.stringify(await get('recovery-code-unsaved', store))).not.toContain(set.recoveryCode);

    const second = page(store);
    await second.start();
    expect(second.state.value.phase).toBe('locked');
    expect((await second.actions.unlock('482915')).ok).toBe(true);
    expect(second.state.value).toMatchObject({ phase: 'show-recovery', recoveryCode: set.recoveryCode });
    second.actions.confirmRecoverySaved();
    expect(second.state.value.phase).toBe('unlocked');
    expect(second.state.value.recoveryCode).toBeUndefined();

    await expect.poll(() => get('recovery-code-unsaved', store)).toBeUndefined();
    const third = page(store);
    await third.start();
    await third.actions.unlock('482915');
    expect(third.state.value.phase).toBe('unlocked');
  });

  it('a reset PIN keeps its new code the same way', async () => {
    const store = openSettingsStore(`kept-code-${++n}`);
    const first = page(store);
    await first.start();
    const set = await first.actions.setUpPin('482915');
    if (!set.ok) throw new Error(set.reason.code);
    first.actions.confirmRecoverySaved();
    await first.actions.lock();
    const reset = await first.actions.resetPin(set.recoveryCode, '739164');
    if (!reset.ok) throw new Error(reset.reason.code);
    const second = page(store);
    await second.start();
    await second.actions.unlock('739164');
    expect(second.state.value).toMatchObject({ phase: 'show-recovery', recoveryCode: reset.recoveryCode });
  });
});
