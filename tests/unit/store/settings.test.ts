// Settings are stored apart from the story database, sealed: only the vault's cipher opens them, and
// settings found in plain text are never trusted (and are deleted).
import { get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type StoredSettings } from '../../../src/domain/settings/settings.ts';
import { getSettings, openSettingsStore, saveSettings } from '../../../src/store/settings/settings.ts';
import { settingsAad } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { aBug, quotaExceeded, refusingWrites } from '../../fixtures/refusingStore.ts';

let n = 0;
const cipher = await testCipher();
const STORED: StoredSettings = {
  settings: {
    ...DEFAULT_SETTINGS,
    apiAddress: 'https://relay.example.org/api/v2',
    key: 'k-123',
    region: 'ie',
  },
  note: { code: 'configAdopted' },
  destinationChosen: true,
};

describe('settings store', () => {
  it('is empty on a new device, then returns what was saved, sealed', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    expect(await getSettings(store, cipher)).toBeNull();
    await saveSettings(store, cipher, STORED);
    expect(await getSettings(store, cipher)).toEqual(STORED);
    expect(JSON.stringify(await get('settings', store))).not.toContain('relay.example.org');
  });

  it.each([
    ['Set up from this organisation’s set-up file (app-config.json).', { code: 'configAdopted' }],
    ['The set-up file (app-config.json) was not valid and was ignored.', { code: 'configInvalid' }],
    [
      "The set-up file's API address was ignored: Use an https:// address (http:// is allowed only for localhost and 127.0.0.1).",
      { code: 'addressIgnored', reason: 'useHttps' },
    ],
    ['Words this version does not know', null],
  ])('reads a set-up note an older version sealed in words (%s) as its code', async (words, note) => {
    const store = openSettingsStore(`settings-${++n}`);
    await set('settings', await cipher.seal({ ...STORED, note: words }, settingsAad), store);
    expect((await getSettings(store, cipher))?.note).toEqual(note);
  });

  it('rewrites a record from before the collecting session without its staff name, role, service or theme', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    const old = { ...STORED, settings: { ...STORED.settings, staffName: 'Sam Jones', focusTheme: 'food' } };
    await set('settings', await cipher.seal(old, settingsAad), store);
    expect(await getSettings(store, cipher)).toEqual(STORED);
    const rewritten = JSON.stringify(await cipher.open(await get('settings', store), settingsAad));
    expect(rewritten).toContain('relay.example.org');
    expect(rewritten).not.toMatch(/Sam Jones|staffName|focusTheme/);
  });

  it('still opens an old record when storage refuses its rewrite, and passes any other failure on', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    const old = { ...STORED, settings: { ...STORED.settings, staffName: 'Sam Jones' } };
    await set('settings', await cipher.seal(old, settingsAad), store);
    expect(await getSettings(refusingWrites(store, 'settings', quotaExceeded), cipher)).toEqual(STORED);
    await expect(getSettings(refusingWrites(store, 'settings', aBug), cipher)).rejects.toThrow(TypeError);
  });

  it('opens nothing with another key, and nothing while locked', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    await saveSettings(store, cipher, STORED);
    expect(await getSettings(store, await testCipher())).toBeNull();
    const locked = {
      seal: cipher.seal,
      open: async () => undefined,
      read: async () => ({ ok: false, reason: 'locked' }) as const,
    };
    expect(await getSettings(store, locked)).toBeNull();
  });

  it('never trusts settings written in plain text (someone redirecting stories), and deletes them', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    await set('settings', { ...DEFAULT_SETTINGS, apiAddress: 'https://attacker.example/api/v2' }, store);
    await set('settings-note', 'plain', store);
    expect(await getSettings(store, cipher)).toBeNull();
    expect(await get('settings', store)).toBeUndefined();
    expect(await get('settings-note', store)).toBeUndefined();
  });
});
