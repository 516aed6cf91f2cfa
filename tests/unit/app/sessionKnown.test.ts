// Home's session bar between an unlock and the session read back: the controller says it is not
// known yet, so Home shows neither "Start collecting" nor "Collecting as …" until it is (an e2e test
// once tapped a "Start collecting" that turned into "Collecting as Sam" under it). Known again after
// every unlock, also when the stored session is unreadable; unknown again at every lock.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Privacy } from '../../../src/app/lock/privacy.ts';
import { createSaveHooks } from '../../../src/app/saveHooks.ts';
import { createSessionController } from '../../../src/app/session/sessionController.ts';
import { startSession } from '../../../src/domain/session/session.ts';
import { saveSession } from '../../../src/store/settings/session.ts';
import { openSettingsStore } from '../../../src/store/settings/settings.ts';
import { testCipher } from '../../fixtures/cipher.ts';

const cipher = await testCipher();
let n = 0;
beforeAll(() => {
  vi.stubGlobal('document', new EventTarget()); // the controller listens for the page being hidden
});

async function stored(store: ReturnType<typeof openSettingsStore>) {
  const started = startSession({ name: 'Sam', role: 'Staff Nurse', services: [], theme: '' }, Date.now());
  if (!started.ok) throw new Error('no session');
  await saveSession(store, cipher, started.session);
}

function controller() {
  const store = openSettingsStore(`session-known-${++n}`);
  const privacy = { cipher, lock: { actions: { lock: async () => {} } } } as unknown as Privacy;
  const session = createSessionController({
    store,
    sessionIdleHours: () => 12,
    privacy,
    saveHooks: createSaveHooks(),
  });
  return { store, session };
}

describe('whether the session is known', () => {
  it('is not, from a lock until the unlock has read it back', async () => {
    const { store, session } = controller();
    await stored(store);
    expect(session.known.value).toBe(false);
    const loading = session.load(cipher);
    expect(session.known.value).toBe(false); // still reading: Home shows none of the three
    await loading;
    expect(session.known.value).toBe(true);
    expect(session.current.value?.name).toBe('Sam');
    session.locked();
    expect(session.known.value).toBe(false);
    expect(session.current.value).toBeNull();
  });

  it('is, after an unlock that could not read it (nobody collecting is then the truth)', async () => {
    const { store, session } = controller();
    await stored(store);
    const broken = { ...cipher, open: async () => Promise.reject(new Error('locked meanwhile')) };
    await session.load(broken as typeof cipher);
    expect(session.known.value).toBe(true);
    expect(session.current.value).toBeNull();
  });
});
