// The collecting session (src/domain/session/session.ts): staff data, sealed like the settings beside them in
// the small idb-keyval store, so a copy of the storage shows no staff name and a write to it cannot
// choose who "recorded" consent. One record; cleared when the session ends.
import { del, get, set } from 'idb-keyval';
import { type CollectingSession, readSession } from '../../domain/session/session.ts';
import { type Cipher, isSealed } from '../vault/cipher.ts';
import { recordAad } from '../vault/vaultCrypto.ts';
import type { SettingsStore } from './settings.ts';

const SESSION_KEY = 'session';
const sessionAad = recordAad('session', 1);

/** The sealed session, or null: none, damaged, or in plain text (never trusted, deleted here). */
export async function getSession(store: SettingsStore, cipher: Cipher): Promise<CollectingSession | null> {
  const raw: unknown = await get(SESSION_KEY, store);
  if (raw === undefined) return null;
  if (!isSealed(raw)) {
    await del(SESSION_KEY, store);
    return null;
  }
  return readSession(await cipher.open(raw, sessionAad));
}

/**
 * Seals (before any transaction opens) and stores — unless `stillWanted` says no once sealed (the
 * session ended meanwhile: a late write must not bring it back). Throws LockedError while locked.
 */
export async function saveSession(
  store: SettingsStore,
  cipher: Cipher,
  session: CollectingSession,
  stillWanted: () => boolean = () => true,
): Promise<void> {
  const sealed = await cipher.seal(session, sessionAad);
  if (stillWanted()) await set(SESSION_KEY, sealed, store);
}

/** Needs no key: ending a session must work while locked too. */
export async function clearSession(store: SettingsStore): Promise<void> {
  await del(SESSION_KEY, store);
}
