// Device settings in the page (issue 13 §2): nothing before an unlock, app-config.json adopted after
// the PIN is set and sealed, nothing of the destination in the clear, and a new destination only
// with the recovery code.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeviceSettings } from '../../../src/app/settings/settings.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { vaultCipher } from '../../../src/store/vault/cipher.ts';
import { createVault } from '../../../src/store/vault/vault.ts';
import { FAST_KDFS } from '../../fixtures/cipher.ts';
import { scanIndexedDb } from '../../fixtures/idbScan.ts';

const CONFIG = {
  apiAddress: 'https://relay.quince-example.org/api/v2',
  key: 'sub-key-7f3a9c',
  organisation: 'Quincefield Hospital',
};
let n = 0;

afterEach(() => vi.unstubAllGlobals());

async function device() {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () => new Response(JSON.stringify(CONFIG), { headers: { 'content-type': 'application/json' } }),
    ),
  );
  const store = openSettingsStore(`device-settings-${++n}`);
  const vault = createVault({ store, ...FAST_KDFS, locks: null });
  const setUp = await vault.setUp('482915');
  if (!setUp.ok) throw new Error(setUp.reason.code);
  const cipher = vaultCipher(vault);
  const settings = createDeviceSettings({
    store,
    cipher,
    checkRecoveryCode: (code) => vault.checkRecoveryCode(code),
  });
  return { store, vault, cipher, settings, recoveryCode: setUp.recoveryCode };
}

describe('device settings', () => {
  it('give every reader the defaults until an unlock; then adopt app-config.json, sealed', async () => {
    const { settings, cipher, store, vault } = await device();
    expect(settings.settings.value).toEqual(DEFAULT_SETTINGS);
    await settings.load(cipher);
    expect(settings.settings.value).toMatchObject(CONFIG);
    expect(settings.destinationChosen.value).toBe(true);
    const scan = await scanIndexedDb();
    for (const secret of [CONFIG.apiAddress, 'relay.quince-example.org', CONFIG.key, CONFIG.organisation])
      expect(scan.text, secret).not.toContain(secret);

    // Another page (or a reload) reads them only once unlocked, without asking app-config.json again.
    vi.mocked(fetch).mockClear();
    const later = createDeviceSettings({ store, cipher, checkRecoveryCode: vault.checkRecoveryCode });
    await later.load(cipher);
    expect(later.settings.value).toMatchObject(CONFIG);
    expect(fetch).not.toHaveBeenCalled();
    vault.lock();
    const locked = createDeviceSettings({ store, cipher, checkRecoveryCode: vault.checkRecoveryCode });
    await locked.load(cipher).catch(() => undefined);
    expect(locked.settings.value.apiAddress).toBe('');
  });

  it('changing where stories go needs the recovery code; other settings and clearing the address do not', async () => {
    const { settings, cipher, recoveryCode } = await device();
    await settings.load(cipher);
    const elsewhere = { ...settings.settings.value, apiAddress: 'https://attacker.example/api/v2' };
    expect(await settings.save(elsewhere, undefined)).toMatchObject({
      ok: false,
      reason: 'needsCode',
    });
    expect(await settings.save(elsewhere, '0000-0000-0000-0000-0000-0000')).toMatchObject({ ok: false });
    expect(await settings.save({ ...settings.settings.value, key: 'other-key' }, undefined)).toMatchObject({
      ok: false,
    });
    expect(settings.settings.value.apiAddress).toBe(CONFIG.apiAddress);

    expect(
      await settings.save({ ...settings.settings.value, organisation: 'City Hospital' }, undefined),
    ).toEqual({
      ok: true,
    });
    expect(await settings.save(elsewhere, recoveryCode)).toEqual({ ok: true });
    expect(settings.settings.value.apiAddress).toBe('https://attacker.example/api/v2');
    expect(await settings.save({ ...settings.settings.value, apiAddress: '' }, undefined)).toEqual({
      ok: true,
    });
    // Cleared, then set again: still a change of destination.
    expect(
      (await settings.save({ ...settings.settings.value, apiAddress: CONFIG.apiAddress }, undefined)).ok,
    ).toBe(false);
  });
});
