// The device's small idb-keyval database ('story-collector-device') and what the Lock screen reads
// from it before anything else loads: the display choices (plain) and whether a PIN is set. In the
// first download: no zod, no sealing here (settings.ts and the vault load behind the Lock screen).
// A copy of those two facts is kept in localStorage too (nothing personal in them), read without
// waiting: opening IndexedDB took 80–130 ms at 4× CPU before the Lock screen could be drawn.
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

export async function saveDisplay(
  store: SettingsStore,
  display: Display,
  hint: HintStorage | null = null,
): Promise<void> {
  await set(DISPLAY_KEY, display, store);
  keepFirstScreenHint(hint, { display });
}

export type FirstScreen = { display: Display; pinSet: boolean };
/** Where the first screen's copy is kept: the page's localStorage (tests pass their own). */
export type HintStorage = { getItem(key: string): string | null; setItem(key: string, value: string): void };
const HINT_KEY = 'story-collector-first-screen';

/** The first screen's copy, or null when there is none (a first start, another version) or it is unreadable. */
export function readFirstScreenHint(hint: HintStorage | null): FirstScreen | null {
  try {
    const raw = hint?.getItem(HINT_KEY);
    const kept = raw ? (JSON.parse(raw) as { display?: unknown; pinSet?: unknown }) : null;
    if (!kept || typeof kept.pinSet !== 'boolean') return null;
    return { display: readDisplay(kept.display), pinSet: kept.pinSet };
  } catch {
    // storage refused or the copy damaged: IndexedDB is read instead
    return null;
  }
}

/**
 * Updates the copy: whole from IndexedDB's answer, or one fact changed (left alone when there is
 * no copy to change: the next start writes a whole one).
 */
export function keepFirstScreenHint(hint: HintStorage | null, change: Partial<FirstScreen>): void {
  const now = readFirstScreenHint(hint);
  const next = { ...now, ...change };
  if (next.display === undefined || next.pinSet === undefined) return;
  try {
    hint?.setItem(HINT_KEY, JSON.stringify({ display: next.display, pinSet: next.pinSet }));
  } catch {
    // storage full or refused: the first screen waits for IndexedDB, as before
  }
}

/**
 * What the first screen needs, in one read (one transaction: each costs a round trip to the
 * browser's storage before anything is drawn): the display choices, and whether a PIN is set.
 * Unreadable: the defaults, and "set" (the Lock screen; the vault decides once it has loaded).
 */
export async function readFirstScreen(
  store: SettingsStore,
  hint: HintStorage | null = null,
): Promise<FirstScreen> {
  try {
    const [display, record] = await getMany([DISPLAY_KEY, VAULT_RECORD_KEY], store);
    const first = { display: readDisplay(display), pinSet: record !== undefined };
    keepFirstScreenHint(hint, first);
    return first;
  } catch {
    // The store refused (private mode, a damaged profile): the vault and the settings say why later.
    return { display: DEFAULT_DISPLAY, pinSet: true };
  }
}
