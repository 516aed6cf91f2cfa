// Issue 26, "Export unsent stories" in the app's code path (fake-indexeddb, Node's Web Crypto):
// which stories go in the file (only consented ones waiting to be sent, each with the key and body
// the queue would send), the round trip to the relay's private key, and the "Exported" mark, after
// which the iPad still sends each story — and each reaches Care Opinion once.
import { describe, expect, it } from 'vitest';
import { chooseUnsent, type ExportDeps, markExported, sealUnsent } from '../../../src/app/send/export.ts';
import { readSummaries } from '../../../src/app/story/summaries.ts';
import { openStories } from '../../../src/domain/fleet/sealedFile.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings/settings.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { getEntry } from '../../../src/store/send/outbox.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import type { Answer, Client } from '../../../src/sync/client.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import type { ExportResult } from '../../../src/ui/actions.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { bodyOf, seedStories } from './heldStories.ts';
import { nodeCrypto, relayKeyPair } from './relayKeys.ts';

const cipher = await testCipher();
const API = 'https://relay.example.org/api/v2';
const relay = await relayKeyPair();
const onRelay: Settings = {
  ...DEFAULT_SETTINGS,
  apiAddress: API,
  relayToken: 'tok',
  relayDeviceId: 'device-7',
  relayExportKey: relay.published,
};
const NOW = Date.parse('2026-12-07T16:30:00.000Z');

function depsFor(db: StoryDb, settings: Settings = onRelay): ExportDeps {
  return { db, cipher, crypto: nodeCrypto, settings: () => settings, now: () => NOW };
}
const newDb = () => createDb(`export-${Math.random()}`);
const sealed = (result: ExportResult) => {
  if (!result.ok) throw new Error(`no file: ${result.reason}`);
  return result;
};

/** A relay in memory: one story per Idempotency-Key (201 once, then 200 with the same id). */
function memoryRelay() {
  const stored = new Map<string, { id: string; body: unknown; times: number }>();
  const requests: { key: string; body: unknown }[] = [];
  const answer = (status: number, id: string): Answer => ({
    kind: 'response',
    status,
    type: 'basic',
    contentType: 'application/json',
    retryAfter: null,
    totalCount: null,
    json: { id, status: 'received' },
  });
  /** What the admin's import does with each story of a file: forward it under its own key. */
  const receive = (key: string, body: unknown): Answer => {
    const had = stored.get(key);
    if (had) return answer(200, had.id);
    stored.set(key, { id: `co-${stored.size + 1}`, body, times: 1 });
    return answer(201, `co-${stored.size}`);
  };
  const client: Client = {
    async request(_connection, _path, options) {
      const key = options?.headers?.['Idempotency-Key'] ?? '';
      requests.push({ key, body: options?.body });
      return receive(key, options?.body);
    },
  };
  return { stored, requests, receive, client };
}

async function drain(db: StoryDb, client: Client) {
  const runner = createQueueRunner({
    db,
    cipher,
    client,
    lock: memoryLock(true),
    connection: () => ({ apiAddress: API, key: '', token: 'tok' }),
    now: () => NOW + 1_000,
    random: () => 0.5,
    setTimer: () => null,
    clearTimer: () => undefined,
  });
  await runner.trigger('send-now');
  runner.stop();
}

describe('which stories go in the file', () => {
  it('only consented stories waiting to be sent, each with the key and body the queue sends', async () => {
    const db = newDb();
    await seedStories(db, cipher, {
      drafts: ['d1'],
      queued: ['q1', 'q2'],
      byHand: ['h1'],
      needsAttention: ['n1'],
      sent: ['s1'],
      withdrawnInFlight: ['w1'],
      triedAt: { t1: API, t2: 'https://www.careopinion.org.uk/api/v2' },
    });
    const chosen = await chooseUnsent(db, cipher, { apiAddress: API, key: '', token: 'tok' });
    if (!chosen.ok) throw new Error('locked');
    // Not the draft, the one ready to post, the refused one, the sent or withdrawn ones, or the one
    // already tried at another address (its key belongs there).
    expect(chosen.stories.map((s) => s.id)).toEqual(['q1', 'q2', 't1']);
    // Now let the queue send them all and compare: the same key and body, story by story.
    const server = memoryRelay();
    await drain(db, server.client);
    const byKey = new Map(server.requests.map((r) => [r.key, r.body]));
    for (const story of chosen.stories) {
      expect(story.idempotencyKey).toBe(`key-${story.id}`);
      expect(story.body).toEqual(byKey.get(story.idempotencyKey));
    }
    db.close();
  });

  it('makes no file without a relay, its id or its key, or with nothing waiting', async () => {
    const db = newDb();
    await seedStories(db, cipher, { queued: ['q1'] });
    const direct = { ...DEFAULT_SETTINGS, apiAddress: 'https://www.careopinion.org.uk/api/v2', key: 'k' };
    expect(await sealUnsent(depsFor(db, direct))).toEqual({ ok: false, reason: 'noRelay' });
    expect(await sealUnsent(depsFor(db, { ...onRelay, relayDeviceId: '' }))).toEqual({
      ok: false,
      reason: 'noRelay',
    });
    expect(await sealUnsent(depsFor(db, { ...onRelay, relayExportKey: null }))).toEqual({
      ok: false,
      reason: 'noExportKey',
    });
    const empty = newDb();
    await seedStories(empty, cipher, { drafts: ['d1'], byHand: ['h1'] });
    expect(await sealUnsent(depsFor(empty))).toEqual({ ok: false, reason: 'nothingToExport' });
    db.close();
    empty.close();
  });
});

describe('the file', () => {
  it('opens with the relay’s private key to the same bodies, this iPad’s id and the time; it holds no plaintext', async () => {
    const db = newDb();
    const copies = await seedStories(db, cipher, { queued: ['q1', 'q2', 'q3'] });
    const file = sealed(await sealUnsent(depsFor(db)));
    expect(file.name).toBe('stories-2026-12-07-3.sealed');
    const opened = await openStories(nodeCrypto, relay.opener, file.bytes);
    if (!opened.ok) throw new Error(opened.problem);
    expect(opened.contents.deviceId).toBe('device-7');
    expect(opened.contents.createdAt).toBe('2026-12-07T16:30:00.000Z');
    expect(opened.contents.stories).toEqual(
      ['q1', 'q2', 'q3'].map((id) => ({ idempotencyKey: `key-${id}`, body: copies.get(id) })),
    );
    const text = new TextDecoder().decode(file.bytes);
    for (const plain of [
      bodyOf('q1'),
      'Story q1',
      'rugbyfan33',
      'person@example.org',
      'NG5 1PB',
      'key-q1',
      'device-7',
    ])
      expect(text).not.toContain(plain);
    // Sealing changed nothing on the iPad: no story is marked until the file is handed over.
    expect((await getEntry(db, 'q1'))?.exportedAt).toBeUndefined();
    db.close();
  });

  it('sealed to another relay, it does not open', async () => {
    const db = newDb();
    await seedStories(db, cipher, { queued: ['q1'] });
    const file = sealed(await sealUnsent(depsFor(db)));
    const other = await relayKeyPair('relay-key-1'); // the same id, another key
    expect(await openStories(nodeCrypto, other.opener, file.bytes)).toEqual({
      ok: false,
      problem: 'does-not-open',
    });
    db.close();
  });
});

describe('"Exported"', () => {
  it('marks the stories (Home’s rows say so), keeps their keys, and each still reaches Care Opinion once', async () => {
    const db = newDb();
    await seedStories(db, cipher, { queued: ['q1', 'q2'] });
    const file = sealed(await sealUnsent(depsFor(db)));
    expect(await markExported(depsFor(db), file.stories)).toBe(2);
    const rows = await readSummaries(db, cipher);
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(rows.sort(byId).map((r) => [r.id, r.state, r.exported, r.editable, r.mayHaveArrived])).toEqual([
      ['q1', 'queued', true, false, true],
      ['q2', 'queued', true, false, true],
    ]);
    expect((await getEntry(db, 'q1'))?.idempotencyKey).toBe('key-q1');
    // The lead imports the file first: each story reaches the relay under its own key.
    const server = memoryRelay();
    const opened = await openStories(nodeCrypto, relay.opener, file.bytes);
    if (!opened.ok) throw new Error(opened.problem);
    for (const s of opened.contents.stories) server.receive(s.idempotencyKey, s.body);
    // Then the iPad comes online: it sends both, under the same keys — answered as replays.
    await drain(db, server.client);
    expect(server.requests.map((r) => r.key).sort()).toEqual(['key-q1', 'key-q2']);
    expect([...server.stored.values()].map((s) => s.times)).toEqual([1, 1]);
    expect(server.stored.size).toBe(2);
    expect(await getEntry(db, 'q1')).toBeNull(); // sent: settled, nothing left to send
    expect((await readSummaries(db, cipher)).map((r) => r.state)).toEqual(['sent', 'sent']);
    db.close();
  });

  it('leaves alone a story sent, or taken back and queued again with a new key, before the file was handed over', async () => {
    const db = newDb();
    const copies = await seedStories(db, cipher, { queued: ['q1', 'q2'] });
    const file = sealed(await sealUnsent(depsFor(db)));
    // Meanwhile q2 is taken back and queued again: a new key, a new entry.
    await storyQueue.unqueueStory(db, cipher, 'q2', NOW);
    const updatedAt = (await db.stories.get('q2'))?.updatedAt ?? 0;
    const copy = copies.get('q2');
    if (!copy) throw new Error('no copy');
    await storyQueue.queueStory(db, cipher, 'q2', copy, 'key-q2-again', NOW, updatedAt);
    expect(await markExported(depsFor(db), file.stories)).toBe(1);
    expect((await getEntry(db, 'q1'))?.exportedAt).toBe(NOW);
    expect((await getEntry(db, 'q2'))?.exportedAt).toBeUndefined();
    db.close();
  });
});
