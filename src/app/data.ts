// The device's data behind the Lock screen: the Dexie database, the story actions and Home's list,
// drafts kept until saved, the send queue and the service directory. main.tsx loads this module
// with import() right after the first render, while the Lock screen shows (which needs none of it),
// so Dexie is not in the first download; the service worker precaches it, so offline is unaffected.
import type { CollectingSession } from '../domain/session/session.ts';
import { type ConnectionVerdict, connectionToTest } from '../domain/settings/connection.ts';
import type { FetchedRelayFacts } from '../domain/settings/relay.ts';
import { type DeliveryMode, deliveryMode, type Settings } from '../domain/settings/settings.ts';
import type { StorageStatus } from '../domain/settings/storage.ts';
import { createDb, onVersionChange } from '../store/db.ts';
import { countWaiting } from '../store/send/outbox.ts';
import type { Cipher } from '../store/vault/cipher.ts';
import { createClient } from '../sync/client.ts';
import { testConnection } from '../sync/connection.ts';
import { createRateLimiter, realSleep } from '../sync/rateLimiter.ts';
import type { ExportedStory } from '../ui/actions.ts';
import { createDirectory } from './directory/directory.ts';
import { createQueue } from './send/queue.ts';
import { createPendingDrafts } from './story/pendingDrafts.ts';
import { createStoryActions } from './story/stories.ts';

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
  /** This iPad's collecting session (who records consent; Home counts what was sent since it started). */
  session: () => CollectingSession | null;
  /** The app's one error handler (errors.ts): what fails unexpectedly in the background goes there. */
  reportError(error: unknown): void;
  /** Keeps the relay's export key or this iPad's id with the settings, if still on the relay of `token` (issue 26). */
  keepRelayFacts(facts: FetchedRelayFacts, token: string): Promise<void>;
  /** navigator.storage's figures as they are now (the status report's storage). */
  readStorage(): Promise<StorageStatus>;
};

export type Data = ReturnType<typeof openData>;

export function openData(deps: DataDeps) {
  const db = createDb();
  onVersionChange(db, deps.saveAll, deps.reload);
  const client = createClient({
    fetch: (input, init) => fetch(input, init),
    limiter: createRateLimiter(REQUESTS_PER_WINDOW, Date.now, realSleep, WINDOW_MS),
  });
  let session: Cipher | null = null;
  const pending = createPendingDrafts({
    db,
    cipher: () => session,
    now: Date.now,
    random: Math.random,
    setTimer: (run, ms) => setTimeout(run, ms),
  });
  const directory = createDirectory(db, client, deps.reportError);
  // The relay's status report (issue 26) follows each send pass; loaded with the first one.
  let reporter: Promise<{ passEnded(): void }> | null = null;
  const afterPass = () => {
    reporter ??= import('./send/statusReport.ts').then((m) =>
      m.createStatusReport({
        db,
        client,
        fetch: (input, init) => fetch(input, init),
        settings: deps.settings,
        keepRelayFacts: deps.keepRelayFacts,
        now: Date.now,
        setTimer: (run, ms) => setTimeout(run, ms),
        clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
        isOnline: () => navigator.onLine,
        // Quiet (issue 26): the kind only, in the log; sending never waits for it.
        onError: (error) =>
          console.error('Status report:', error instanceof Error ? error.name : 'unknown error'),
        buildId: __BUILD_ID__,
        readStorage: deps.readStorage,
      }),
    );
    reporter.then((r) => r.passEnded()).catch(deps.reportError);
  };
  // A change to one story (a send, another tab) updates its row; an unknown change reloads the list.
  const queue = createQueue(
    db,
    client,
    deps.settings,
    (id) => void (id === null ? stories.list.reload() : stories.list.refreshOne(id)),
    afterPass,
    { fetch: (input, init) => fetch(input, init), keepRelayFacts: deps.keepRelayFacts },
  );
  const stories = createStoryActions({
    db,
    cipher: deps.cipher,
    settings: deps.settings,
    now: Date.now,
    newId: () => crypto.randomUUID(),
    onQueued: () => void queue.trigger('queued'),
    isUnlocked: deps.isUnlocked,
    pending,
    session: deps.session,
  });
  const handOffDeps = { db, cipher: deps.cipher, now: Date.now, refreshOne: stories.list.refreshOne };
  const exportDeps = {
    db,
    cipher: deps.cipher,
    crypto: globalThis.crypto,
    settings: deps.settings,
    now: Date.now,
  };
  return {
    directory,
    queue,
    stories,
    pending,
    /** From non-personal fields only (states and counts): the Lock screen says how many wait to send. */
    countStoriesWaiting: () => countWaiting(db),
    /** After an unlock (settings opened), with the session's cipher (kept for this page's life). */
    unlocked(sessionCipher: Cipher) {
      session = sessionCipher;
      void stories.list.reload();
      // Stories left waiting to send with no API address (queued before hand-off existed, or by
      // another device's settings) become ready to post.
      if (deliveryMode(deps.settings()) === 'by-hand')
        void handOff()
          .then((m) => m.applyDelivery(db, 'by-hand', Date.now()))
          .then((moved) => (moved ? stories.list.reload() : undefined))
          .catch(deps.reportError);
      // Home's rows for stories kept before they existed (DB_V5): built now that a key exists.
      void import('../store/story/summaryBackfill.ts')
        .then(({ backfillSummaries }) => backfillSummaries(db, sessionCipher))
        .then((written) => (written > 0 ? stories.list.reload() : undefined))
        .catch(deps.reportError);
      queue.start(sessionCipher);
    },
    /** "How stories reach Care Opinion" changed: stories never tried move to the new way. */
    async applyDelivery(mode: DeliveryMode): Promise<boolean> {
      const moved = await (await handOff()).applyDelivery(db, mode, Date.now());
      if (moved) void stories.list.reload();
      return moved;
    },
    loadHandOff: async (id: string) => (await handOff()).loadHandOff(handOffDeps, id),
    postedByHand: async (id: string, address: string) =>
      (await handOff()).postedByHand(handOffDeps, id, address),
    exportUnsent: async () => (await exporter()).sealUnsent(exportDeps),
    async markExported(marked: readonly ExportedStory[]): Promise<void> {
      await (await exporter()).markExported(exportDeps, marked);
      void stories.list.reload();
    },
    /** The saved connection or the typed one (domain/settings/connection.ts `connectionToTest`). */
    async testConnection(saved: Settings, apiAddress: string, key: string): Promise<ConnectionVerdict> {
      const connection = connectionToTest(saved, apiAddress, key);
      if (!connection) return 'enter-key'; // a typed address with no key typed: nothing is sent
      return testConnection(client, (input, init) => fetch(input, init), connection, Date.now());
    },
  };
}

/** Hand-off (posting on Care Opinion's website by hand) loads on use. */
const handOff = () => import('./send/handOff.ts');
/** "Export unsent stories" (issue 26) loads on use: the sealing code is not in Home's download. */
const exporter = () => import('./send/export.ts');
