// Device settings live in their own small idb-keyval database, so Dexie migrations never touch them.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { readSettings, type Settings } from '../domain/settings.ts';

const SETTINGS_KEY = 'settings';
const NOTE_KEY = 'settings-note';

export type SettingsStore = UseStore;

export function openSettingsStore(name = 'story-collector-device'): SettingsStore {
  return createStore(name, 'kv');
}

/** The saved settings, or null when this device has never been set up. */
export async function getSettings(store: SettingsStore): Promise<Settings | null> {
  const raw: unknown = await get(SETTINGS_KEY, store);
  return raw === undefined ? null : readSettings(raw);
}

export async function saveSettings(store: SettingsStore, settings: Settings): Promise<void> {
  await set(SETTINGS_KEY, settings, store);
}

/** A short note about how settings were set up (e.g. from app-config.json), shown in Settings. */
export async function getSetupNote(store: SettingsStore): Promise<string | null> {
  const raw: unknown = await get(NOTE_KEY, store);
  return typeof raw === 'string' ? raw : null;
}

export async function saveSetupNote(store: SettingsStore, note: string | null): Promise<void> {
  if (note === null) await del(NOTE_KEY, store);
  else await set(NOTE_KEY, note, store);
}
