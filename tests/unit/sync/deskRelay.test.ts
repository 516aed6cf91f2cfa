// Issue 27 end to end below the screens: the app's runner, client and store against a real running
// relay (SQLite) with a posting desk. The desk key is fetched as the app fetches it; a story goes to
// the desk once, opens with the lead's private key, is posted by the lead and flows back as Sent with
// its number (the iPad's personal data gone); another is withdrawn on the iPad and leaves the desk.
import { webcrypto } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskKey } from '../../../src/domain/desk/deskStory.ts';
import { openDeskStory } from '../../../src/domain/desk/deskStory.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb } from '../../../src/store/db.ts';
import { getEntry } from '../../../src/store/send/outbox.ts';
import { listReceipts } from '../../../src/store/send/receipts.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { createClient } from '../../../src/sync/client.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';
import { fetchDeskKey, readDeskKey } from '../../../src/sync/relay/deskKey.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { scanIndexedDb } from '../../fixtures/idbScan.ts';
import { sqliteUrl } from '../relay/databases.ts';
import { markPosted, newDeskKey, setDeskKey, waitingAtDesk } from '../relay/deskHelpers.ts';
import { enrol, startWorld, type World } from '../relay/harness.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();
const crypto = webcrypto as unknown as Crypto;
const NOW = Date.parse('2026-12-07T12:00:00.000Z');

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

describe('the iPad and a real relay’s posting desk', () => {
  it('sends to the desk once, learns it was posted, and withdraws another from the desk', async () => {
    world = await startWorld(sqliteUrl(), { start: { now: () => NOW } });
    const relay = world.relay;
    const apiBase = `${relay.url}/api/v2`;
    const { token } = await enrol(relay);
    const fetchNoDesk = await fetchDeskKey(fetch, apiBase, token);
    expect(fetchNoDesk, 'a relay with no desk yet').toBe('none');
    const desk = await newDeskKey();
    expect((await setDeskKey(relay, desk.body)).status).toBe(201);
    const kept: { key: DeskKey | null } = { key: readDeskKey(await fetchDeskKey(fetch, apiBase, token)) };
    expect(kept.key?.kid).toBe(desk.body.kid);

    const db = createDb(`desk-relay-${Math.random()}`);
    for (const id of ['s1', 's2']) {
      const draft = completeDraft(id, true);
      await stories.createStory(db, cipher, id, draft, NOW);
      const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
      if (!check.ok) throw new Error('fixture not queueable');
      await storyQueue.queueStory(db, cipher, id, check.story, globalThis.crypto.randomUUID(), NOW, NOW);
    }
    const client = createClient({
      fetch: (input, init) => fetch(input, init),
      limiter: createRateLimiter(5, Date.now, async () => {}, 1_100),
    });
    const runner = createQueueRunner({
      db,
      cipher,
      client,
      lock: memoryLock(true),
      connection: () => ({ apiAddress: apiBase, key: '', token }),
      now: () => NOW,
      random: () => 0.5,
      setTimer: () => null,
      clearTimer: () => undefined,
      isOnline: () => true,
      onError: (error) => {
        throw error;
      },
      desk: {
        chosen: () => true,
        key: () => kept.key,
        refreshKey: async () => {
          kept.key = readDeskKey(await fetchDeskKey(fetch, apiBase, token));
        },
        newKey: () => globalThis.crypto.randomUUID(),
        crypto,
      },
    });

    await runner.trigger('start');
    const waiting = await waitingAtDesk(relay);
    expect(waiting).toHaveLength(2);
    for (const id of ['s1', 's2']) expect(await getEntry(db, id)).toMatchObject({ state: 'at-desk' });

    // The lead's browser opens one with the desk's private key: the body the queue would send.
    const privateKey = await crypto.subtle.importKey(
      'jwk',
      desk.privateJwk as JsonWebKey,
      { name: 'ECDH', namedCurve: 'P-256' },
      false,
      ['deriveBits'],
    );
    const s1Key = (await getEntry(db, 's1'))?.idempotencyKey;
    const opened = await Promise.all(
      waiting.map((w) => openDeskStory(crypto, { kid: desk.body.kid, privateKey }, w.sealed)),
    );
    const first = opened.find((o) => o.ok && o.story.idempotencyKey === s1Key);
    expect(first?.ok && first.story.body).toMatchObject({
      title: 'Story s1',
      author: { postcode: 'NG5 1PB' },
    });
    const s1Waiting = waiting[opened.indexOf(first as (typeof opened)[number])];

    expect(
      (await markPosted(relay, s1Waiting?.id ?? '', 'https://www.careopinion.org.uk/1234567')).status,
    ).toBe(200);
    await storyQueue.withdrawStory(db, cipher, 's2', NOW);
    await runner.trigger('online');
    runner.stop();

    expect(await getEntry(db, 's1')).toBeNull();
    expect(await getEntry(db, 's2')).toBeNull();
    const receipts = await listReceipts(db, cipher);
    expect(receipts.find((r) => r.id === 's1')).toMatchObject({ kind: 'sent', careOpinionId: '1234567' });
    expect(receipts.find((r) => r.id === 's2')).toMatchObject({ kind: 'withdrawn', mayHaveArrived: false });
    expect(await waitingAtDesk(relay), 'the withdrawn one has left the desk').toEqual([]);
    const { text } = await scanIndexedDb();
    for (const secret of ['They listened and explained everything', 'person@example.org', 'NG5 1PB'])
      expect(text, `${secret} left on the iPad`).not.toContain(secret);
    db.close();
  }, 60_000);
});
