// Device settings live in their own small idb-keyval database, so Dexie migrations never touch them.
// They are SEALED like a story (cipher.ts): the API address and subscription key decide where
// stories go, so a copy of the storage must not show them and a write to it must not change them.
// Only the vault's own records (vaultKeys.ts, lockout.ts, deviceKey.ts) are kept beside them.
import { del, get, set } from 'idb-keyval';
import {
  holdsDroppedFields,
  readStoredSettings,
  type StoredSettings,
} from '../../domain/settings/settings.ts';
import { legacySetupNote } from '../legacyWords.ts';
import { type Cipher, isSealed, LockedError, settingsAad } from '../vault/cipher.ts';
import type { SettingsStore } from './deviceStore.ts';

// The store itself and the display choices, read before the first screen: in deviceStore.ts.
export { getDisplay, openSettingsStore, type SettingsStore, saveDisplay } from './deviceStore.ts';

const SETTINGS_KEY = 'settings';
/** Where a set-up note was kept in plain text before settings were sealed. */
const PLAIN_NOTE_KEY = 'settings-note';

/**
 * The sealed settings, or null when there are none this cipher can open: a new device, a damaged
 * record, or settings stored in plain text — never trusted (anyone who can write the storage could
 * have put them there) and deleted here, so nothing readable stays behind.
 */
export async function getSettings(store: SettingsStore, cipher: Cipher): Promise<StoredSettings | null> {
  const raw: unknown = await get(SETTINGS_KEY, store);
  if (raw === undefined) return null;
  if (!isSealed(raw)) {
    await del(SETTINGS_KEY, store);
    await del(PLAIN_NOTE_KEY, store);
    return null;
  }
  const opened = await cipher.open(raw, settingsAad);
  if (opened === undefined) return null;
  const stored = readStoredSettings(opened);
  // Older versions kept the set-up note in words: read as its code (sealed, so no migration reaches it).
  const note = (opened as { note?: unknown } | null)?.note;
  if (typeof note === 'string') stored.note = legacySetupNote(note);
  // Written by an older version with a staff name in it: stored again without (lenient migration).
  // Not fatal: the settings still open if storage refuses this write (IndexedDB's DOMException) or
  // the app locked meanwhile (LockedError), and the next unlock tries again. Anything else is a bug.
  if (holdsDroppedFields(opened))
    await saveSettings(store, cipher, stored).catch((error: unknown) => {
      if (!(error instanceof DOMException || error instanceof LockedError)) throw error;
    });
  return stored;
}

/** Seals (before any transaction opens) and stores. Throws LockedError while locked. */
export async function saveSettings(
  store: SettingsStore,
  cipher: Cipher,
  stored: StoredSettings,
): Promise<void> {
  const sealed = await cipher.seal(stored, settingsAad);
  await set(SETTINGS_KEY, sealed, store);
  await del(PLAIN_NOTE_KEY, store);
}
