// The device's small idb-keyval database ('story-collector-device') and what the Lock screen reads
// from it before anything else loads: the display choices (plain) and whether a PIN is set. In the
// first download: no zod, no sealing here (settings.ts and the vault load behind the Lock screen).
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { type Display, readDisplay } from '../../domain/settings/display.ts';

export type SettingsStore = UseStore;

export function openSettingsStore(name = 'story-collector-device'): SettingsStore {
  return createStore(name, 'kv');
}

const DISPLAY_KEY = 'display';
/** The vault's record (vault/vaultKeys.ts keeps it; a unit test checks both name the same one). */
const VAULT_RECORD_KEY = 'vault';

/** Language, theme and text size: plain (not personal, needed before an unlock). */
export async function getDisplay(store: SettingsStore): Promise<Display> {
  return readDisplay(await get(DISPLAY_KEY, store));
}

export async function saveDisplay(store: SettingsStore, display: Display): Promise<void> {
  await set(DISPLAY_KEY, display, store);
}

/**
 * Whether a vault record is stored, without reading it: enough for the first screen to be the Lock
 * screen or "Choose a PIN" before the vault has loaded (which then checks the record itself).
 */
export async function hasVaultRecord(store: SettingsStore): Promise<boolean> {
  return (await get(VAULT_RECORD_KEY, store)) !== undefined;
}
