// The device's data behind the Lock screen: the Dexie database, the story actions, the send queue
// and the service directory. main.tsx starts loading this module with import() at start, in
// parallel with the Lock screen (which needs none of it), so Dexie is not in the first download;
// the service worker precaches it, so offline is unaffected.
import type { Settings } from '../domain/settings.ts';
import type { Cipher } from '../store/cipher.ts';
import { createDb, onVersionChange } from '../store/db.ts';
import { encryptLegacyRows } from '../store/legacy.ts';
import { createClient } from '../sync/client.ts';
import { testConnection } from '../sync/connection.ts';
import { createRateLimiter, realSleep } from '../sync/rateLimiter.ts';
import { createDirectory } from './directory.ts';
import { createQueue } from './queue.ts';
import { createStoryActions } from './stories.ts';

/**
 * Care Opinion allows 5 requests per second per key, across everything the app does. The window is
 * a little longer than a second so clock jitter between us and the server never makes it six.
 */
const REQUESTS_PER_WINDOW = 5;
const WINDOW_MS = 1100;

export type DataDeps = {
  /** The vault's cipher (it works only while unlocked). */
  cipher: Cipher;
  settings: () => Settings;
  isUnlocked: () => boolean;
  /** Saves open work before an old tab reloads into a newer schema. */
  saveAll(): Promise<void>;
  reload(): void;
};

export type Data = ReturnType<typeof openData>;

export function openData(deps: DataDeps) {
  const db = createDb();
  onVersionChange(db, deps.saveAll, deps.reload);
  const client = createClient({
    fetch: (input, init) => fetch(input, init),
    limiter: createRateLimiter(REQUESTS_PER_WINDOW, Date.now, realSleep, WINDOW_MS),
  });
  const directory = createDirectory(db, client);
  const queue = createQueue(db, client, deps.settings, () => void stories.reload());
  const stories = createStoryActions({
    db,
    cipher: deps.cipher,
    settings: deps.settings,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    onQueued: () => void queue.trigger('queued'),
    isUnlocked: deps.isUnlocked,
  });
  return {
    directory,
    queue,
    stories,
    /** From non-personal fields only: the Lock screen may say stories are waiting. */
    hasStoriesWaiting: async () => (await db.outbox.count()) + (await db.stories.count()) > 0,
    /** After an unlock, with the session's cipher (kept by the sender for this page's life). */
    unlocked(session: Cipher) {
      void stories.reload();
      // Stories saved before encryption existed are sealed now that a key exists.
      void encryptLegacyRows(db, session).catch(() => undefined);
      queue.start(session);
    },
    testConnection: (apiAddress: string, key: string) =>
      testConnection(client, (input, init) => fetch(input, init), { apiAddress, key }, Date.now()),
  };
}
