// The collecting session is staff data, sealed like the settings: a copy of the storage shows no
// staff name, a plain record written into the storage is never trusted, and ending needs no key.
import { get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { startSession } from '../../../src/domain/session/session.ts';
import { clearSession, getSession, saveSession } from '../../../src/store/settings/session.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { testCipher } from '../../fixtures/cipher.ts';

let n = 0;
const cipher = await testCipher();
const started = startSession(
  { name: 'Sam Jones', role: 'volunteer', services: [{ name: 'Ward 7' }], theme: 'food' },
  1_000,
);
if (!started.ok) throw new Error('no session');
const SESSION = started.session;

describe('session store', () => {
  it('keeps the session sealed: nothing of it readable in the storage', async () => {
    const store = openSettingsStore(`session-${++n}`);
    expect(await getSession(store, cipher)).toBeNull();
    await saveSession(store, cipher, SESSION);
    expect(await getSession(store, cipher)).toEqual(SESSION);
    expect(JSON.stringify(await get('session', store))).not.toMatch(/Sam Jones|volunteer|Ward 7|food/);
    expect(await getSession(store, await testCipher())).toBeNull();
  });

  it('never trusts a session written in plain text, and deletes it', async () => {
    const store = openSettingsStore(`session-${++n}`);
    await set('session', SESSION, store);
    expect(await getSession(store, cipher)).toBeNull();
    expect(await get('session', store)).toBeUndefined();
  });

  it('is cleared without a key (ending a session works while locked)', async () => {
    const store = openSettingsStore(`session-${++n}`);
    await saveSession(store, cipher, SESSION);
    await clearSession(store);
    expect(await get('session', store)).toBeUndefined();
  });
});
