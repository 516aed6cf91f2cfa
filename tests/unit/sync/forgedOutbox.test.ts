// No plaintext path (issue 13): an outbox row written in the clear — forged by someone who can write
// the browser's storage, with consent and all — is never sent; it is set aside as damaged.
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { getEntry } from '../../../src/store/send/outbox.ts';
import { createQueueRunner } from '../../../src/sync/send/queue.ts';
import { memoryLock } from '../../../src/sync/send/runnerLock.ts';
import { DAMAGED } from '../../../src/sync/send/sendStory.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { createFakeServer } from './fakeServer.ts';
import { completeDraft } from './storyFixtures.ts';

const cipher = await testCipher();

describe('a forged plain outbox row', () => {
  it('is never sent, under any key, and is set aside for a person', async () => {
    const db = createDb(`forged-${Date.now()}`);
    const forged = {
      ...completeDraft('f', true),
      consent: { publish: true, givenAt: '2026-11-28T10:00:00Z', recordedBy: 'x' },
    };
    await db.outbox.put({
      id: 'f',
      state: 'queued',
      version: 1,
      idempotencyKey: 'forged-key',
      payload: forged, // in the clear: no seal, so no key could have made it
      attempts: 0,
      nextAttemptAt: 0,
      queuedAt: 0,
    });
    const server = createFakeServer(
      () => 'ok',
      () => undefined,
    );
    const runner = createQueueRunner({
      db,
      cipher,
      client: server.client,
      lock: memoryLock(true),
      connection: () => ({ apiAddress: 'https://relay.example.org/api/v2', key: 'organisation-key' }),
      now: () => 1_000,
      random: () => 0.5,
      setTimer: () => null,
      clearTimer: () => undefined,
    });
    await runner.trigger('start');
    runner.stop();
    expect(server.requests).toBe(0);
    expect(await getEntry(db, 'f')).toMatchObject({ state: 'needs-attention', lastProblem: DAMAGED });
    db.close();
  });
});
