// A bug under a send (the client now passes on what is not a network failure, where it used to
// answer "network error") reaches the queue's onError; the story is kept and sent once, same key.
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb } from '../../../src/store/db.ts';
import { getEntry } from '../../../src/store/send/outbox.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { createClient, type Fetch } from '../../../src/sync/client.ts';
import { createRateLimiter } from '../../../src/sync/rateLimiter.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('a bug under a send', () => {
  it('reaches onError, keeps the story, and the next pass sends it once', async () => {
    const db = createDb(`unexpected-send-${Date.now()}`);
    const draft = completeDraft('s', true);
    await stories.createStory(db, cipher, 's', draft, NOW);
    const check = checkQueueable(draft, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error('fixture not queueable');
    await storyQueue.queueStory(db, cipher, 's', check.story, 'key-s', NOW, NOW);

    let broken = true;
    const keys: (string | null)[] = [];
    const fetch: Fetch = async (_url, init) => {
      if (broken) throw new RangeError('a bug in the fetch wrapper');
      keys.push(new Headers(init?.headers).get('idempotency-key'));
      return new Response('{"id":"co-1","status":"received"}', {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    };
    const client = createClient({ fetch, limiter: createRateLimiter(1000) });
    const errors: unknown[] = [];
    const runner = createQueueRunner({
      db,
      cipher,
      client,
      lock: memoryLock(true),
      connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: 'organisation-key' }),
      now: () => NOW,
      random: () => 0.5,
      setTimer: () => null,
      clearTimer: () => undefined,
      onError: (error) => errors.push(error),
    });

    await runner.trigger('start');
    expect(errors).toEqual([expect.any(RangeError)]);
    expect(await getEntry(db, 's')).toMatchObject({ state: 'sending', idempotencyKey: 'key-s' });

    broken = false;
    await runner.trigger('send-now');
    runner.stop();
    expect(await getEntry(db, 's')).toBeNull(); // sent: only its receipt is kept
    expect(await db.receipts.get('s')).toMatchObject({ id: 's' });
    expect(keys).toEqual(['key-s']);
    db.close();
  });
});
