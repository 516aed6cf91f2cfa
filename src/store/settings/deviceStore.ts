// The device's small idb-keyval database ('story-collector-device') and what the Lock screen reads
// from it before anything else loads: the display choices (plain) and whether a PIN is set. In the
// first download: no zod, no sealing here (settings.ts and the vault load behind the Lock screen).
import { createStore, get, getMany, set, type UseStore } from 'idb-keyval';
import { DEFAULT_DISPLAY, type Display, readDisplay } from '../../domain/settings/display.ts';

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
 * What the first screen needs, in one read (one transaction: each costs a round trip to the
 * browser's storage before anything is drawn): the display choices, and whether a PIN is set.
 * Unreadable: the defaults, and "set" (the Lock screen; the vault decides once it has loaded).
 */
export async function readFirstScreen(store: SettingsStore): Promise<{ display: Display; pinSet: boolean }> {
  try {
    const [display, record] = await getMany([DISPLAY_KEY, VAULT_RECORD_KEY], store);
    return { display: readDisplay(display), pinSet: record !== undefined };
  } catch {
    // The store refused (private mode, a damaged profile): the vault and the settings say why later.
    return { display: DEFAULT_DISPLAY, pinSet: true };
  }
}
