// What the first screen reads before the vault has loaded: whether a PIN is set, from the same record
// the vault keeps (deviceStore.ts names it on its own, so this checks the two agree).
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY } from '../../../src/domain/settings/display.ts';
import {
  type HintStorage,
  keepFirstScreenHint,
  openSettingsStore,
  readFirstScreen,
  readFirstScreenHint,
  saveDisplay,
} from '../../../src/store/settings/deviceStore.ts';
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

  it("keeps a copy of the first screen's two facts that the next start reads without waiting", async () => {
    const store = openSettingsStore('device-store-3');
    const hint = memoryStorage();
    expect(readFirstScreenHint(hint)).toBeNull(); // a first start: IndexedDB is read
    await readFirstScreen(store, hint);
    expect(readFirstScreenHint(hint)).toEqual({ display: DEFAULT_DISPLAY, pinSet: false });
    keepFirstScreenHint(hint, { pinSet: true }); // the PIN set on the first screen
    await saveDisplay(store, { language: 'cy', theme: 'dark', textSize: 150 }, hint);
    expect(readFirstScreenHint(hint)).toEqual({
      display: { language: 'cy', theme: 'dark', textSize: 150 },
      pinSet: true,
    });
    expect([...hint.items.values()].join()).not.toMatch(/482915|@|story/i);
  });

  it('writes no half copy, and a damaged or refused one is no copy', async () => {
    const hint = memoryStorage();
    keepFirstScreenHint(hint, { pinSet: true });
    expect(hint.items.size).toBe(0);
    hint.setItem('story-collector-first-screen', '{"pinSet":');
    expect(readFirstScreenHint(hint)).toBeNull();
    hint.setItem('story-collector-first-screen', '{"display":{"theme":"neon"},"pinSet":true}');
    expect(readFirstScreenHint(hint)).toEqual({ display: DEFAULT_DISPLAY, pinSet: true });
    const refusing: HintStorage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readFirstScreenHint(refusing)).toBeNull();
    const store = openSettingsStore('device-store-4');
    expect((await readFirstScreen(store, refusing)).pinSet).toBe(false);
  });
});

function memoryStorage(): HintStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
}
