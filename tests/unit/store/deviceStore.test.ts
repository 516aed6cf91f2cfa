// What the first screen reads before the vault has loaded: whether a PIN is set, from the same record
// the vault keeps (deviceStore.ts names it on its own, so this checks the two agree).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import { openSettingsStore, readFirstScreen, saveDisplay } from '../../../src/store/settings/deviceStore.ts';
import { createVault } from '../../../src/store/vault/vault.ts';
import { FAST_KDFS } from '../../fixtures/cipher.ts';

describe('device store', () => {
  it('says a PIN is set exactly when the vault says so', async () => {
    const store = openSettingsStore('device-store-1');
    const vault = createVault({ store, ...FAST_KDFS });
    expect((await readFirstScreen(store)).pinSet).toBe(false);
    expect(await vault.isSetUp()).toBe(false);
    await vault.setUp('482915');
    expect(await vault.isSetUp()).toBe(true);
    expect((await readFirstScreen(store)).pinSet).toBe(true);
  });

  it('reads the display choices in the same read, leniently', async () => {
    const store = openSettingsStore('device-store-2');
    expect((await readFirstScreen(store)).display).toEqual(DEFAULT_DISPLAY);
    await saveDisplay(store, { language: 'cy', theme: 'dark', textSize: 150 });
    expect(await readFirstScreen(store)).toEqual({
      display: { language: 'cy', theme: 'dark', textSize: 150 },
      pinSet: false,
    });
  });
});
