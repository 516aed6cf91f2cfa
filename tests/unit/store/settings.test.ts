// Settings are stored apart from the story database and read back leniently.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings.ts';
import {
  getSettings,
  getSetupNote,
  openSettingsStore,
  saveSettings,
  saveSetupNote,
} from '../../../src/store/settings.ts';

let n = 0;

describe('settings store', () => {
  it('is empty on a new device, then returns what was saved', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    expect(await getSettings(store)).toBeNull();
    const next = {
      ...DEFAULT_SETTINGS,
      apiAddress: 'https://relay.example.org/api/v2',
      region: 'ie' as const,
    };
    await saveSettings(store, next);
    expect(await getSettings(store)).toEqual(next);
  });

  it('keeps a set-up note until it is cleared', async () => {
    const store = openSettingsStore(`settings-${++n}`);
    await saveSetupNote(store, 'from app-config.json');
    expect(await getSetupNote(store)).toBe('from app-config.json');
    await saveSetupNote(store, null);
    expect(await getSetupNote(store)).toBeNull();
  });
});
