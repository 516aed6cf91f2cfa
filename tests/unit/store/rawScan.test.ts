// A copy of the browser's storage must not show a story's text, email or postcode: scan every
// value fake-indexeddb holds, byte for byte, after saving, after queueing, after sending, and after
// "Export unsent stories" (and the sealed file itself).
import { describe, expect, it } from 'vitest';
import { markExported, sealUnsent } from '../../../src/app/send/export.ts';
import type { SendVerdict } from '../../../src/domain/send/answers.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { checkQueueable } from '../../../src/domain/story/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { applySendEvent } from '../../../src/store/send/sendWriter.ts';
import * as storyQueue from '../../../src/store/send/storyQueue.ts';
import * as stories from '../../../src/store/story/stories.ts';
import { destinationAad, problemsAad } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { nodeCrypto, relayKeyPair } from '../app/relayKeys.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const SECRETS = {
  title: 'Zebracrossing kindness',
  body: 'The nurse Quillon held my hand',
  email: 'unicorn.secret@example.org',
  postcode: 'NG7 2UH',
  username: 'marmaladefan41',
  apiAddress: 'https://secret-relay.example.net/api/v2',
  key: 'subscription-key-9f3e',
};
const ctx = { random: () => 0.5 };

/** Every string found anywhere in a stored value, including inside binary (as UTF-8 text). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    out.push(Buffer.from(bytes).toString('utf8'), Buffer.from(bytes).toString('latin1'));
  } else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, strings(k, out));
  return out;
}

async function dump(db: StoryDb): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) for (const row of await table.toArray()) parts.push(...strings(row));
  return parts.join('\n');
}

function expectNoSecrets(text: string): void {
  for (const [what, secret] of Object.entries(SECRETS))
    expect(text, `${what} in plain text`).not.toContain(secret);
}

describe('nothing personal in plain text on disk', () => {
  it('after saving a draft, after queueing and after sending', async () => {
    const db = createDb(`raw-scan-${Date.now()}`);
    const draft = completeDraft('s1', true);
    const secret = {
      ...draft,
      title: SECRETS.title,
      body: SECRETS.body,
      author: {
        ...draft.author,
        email: SECRETS.email,
        postcode: SECRETS.postcode,
        username: SECRETS.username,
      },
    };
    await stories.createStory(db, cipher, 's1', secret, 1);
    await stories.saveDraft(db, cipher, 's1', secret, 2);
    const saved = await dump(db);
    expect(saved).toContain('s1'); // the scan does see the rows
    expectNoSecrets(saved);

    const check = checkQueueable(secret, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error(JSON.stringify(check.missing));
    await storyQueue.queueStory(db, cipher, 's1', check.story, 'key-1', 3, 2);
    expectNoSecrets(await dump(db));

    const destination = await cipher.seal(
      { apiAddress: SECRETS.apiAddress, key: SECRETS.key },
      destinationAad('s1'),
    );
    const started = { type: 'attempt-started', now: 4, destination, exclusive: true } as const;
    await applySendEvent(db, cipher, 's1', started, { ctx, now: 4 });
    // A refusal quoting the story: kept sealed beside it.
    const problems = await cipher.seal([{ field: 'title', message: SECRETS.title }], problemsAad('s1'));
    const refusal: SendVerdict = {
      class: 'needs-attention',
      errors: [],
      reason: 'fields',
    };
    await applySendEvent(
      db,
      cipher,
      's1',
      { type: 'answered', attempt: 1, verdict: refusal, now: 5, problems },
      { ctx, now: 5 },
    );
    expectNoSecrets(await dump(db));
    await storyQueue.unqueueStory(db, cipher, 's1', 6);
    const again = checkQueueable(secret, { recordedByDefault: 'Sam', region: 'uk' });
    if (!again.ok) throw new Error('not queueable');
    const updatedAt = (await db.stories.get('s1'))?.updatedAt ?? 0;
    await storyQueue.queueStory(db, cipher, 's1', again.story, 'key-2', 7, updatedAt);
    await applySendEvent(db, cipher, 's1', { ...started, now: 8 }, { ctx, now: 8 });
    const stored: SendVerdict = { class: 'sent', id: 'co-1' };
    await applySendEvent(
      db,
      cipher,
      's1',
      { type: 'answered', attempt: 1, verdict: stored, now: 9 },
      { ctx, now: 9 },
    );
    const sent = await dump(db);
    expect(sent).toContain('co-1');
    expectNoSecrets(sent);
    expect((await stories.listReceipts(db, cipher))[0]).toMatchObject({
      title: SECRETS.title,
      careOpinionId: 'co-1',
    });
    db.close();
  });

  it('after "Export unsent stories" (issue 26): nothing on disk, and nothing in the file', async () => {
    const db = createDb(`raw-scan-export-${Date.now()}`);
    const draft = completeDraft('s1', true);
    const secret = {
      ...draft,
      title: SECRETS.title,
      body: SECRETS.body,
      author: {
        ...draft.author,
        email: SECRETS.email,
        postcode: SECRETS.postcode,
        username: SECRETS.username,
      },
    };
    await stories.createStory(db, cipher, 's1', secret, 1);
    const check = checkQueueable(secret, { recordedByDefault: 'Sam', region: 'uk' });
    if (!check.ok) throw new Error(JSON.stringify(check.missing));
    await storyQueue.queueStory(db, cipher, 's1', check.story, 'key-1', 3, 1);
    const relay = await relayKeyPair();
    const settings = {
      ...DEFAULT_SETTINGS,
      apiAddress: SECRETS.apiAddress,
      relayToken: 'tok',
      relayDeviceId: 'device-1',
      relayExportKey: relay.published,
    };
    const deps = { db, cipher, crypto: nodeCrypto, settings: () => settings, now: () => 4 };
    const file = await sealUnsent(deps);
    if (!file.ok) throw new Error(file.reason);
    expect(await markExported(deps, file.stories)).toBe(1);
    const stored = await dump(db);
    expect(stored).toContain('key-1'); // the scan does see the marked entry
    expectNoSecrets(stored);
    const bytes = Buffer.from(file.bytes);
    expectNoSecrets(`${bytes.toString('utf8')}\n${bytes.toString('latin1')}`);
    expect(file.name).not.toMatch(/Zebra|marmalade|NG7/);
    db.close();
  });

  it('the scan would see a plain payload (the check can fail); the app trusts none', async () => {
    const db = createDb(`raw-scan-plain-${Date.now()}`);
    await db.stories.put({ id: 'plain', updatedAt: 1, payload: { title: SECRETS.title } });
    expect(await dump(db)).toContain(SECRETS.title);
    // No plaintext path: an unsealed payload is damaged, shown as such and never overwritten.
    expect((await stories.getStory(db, cipher, 'plain'))?.draft).toBeNull();
    const typed = completeDraft('plain', true);
    expect(await stories.saveDraft(db, cipher, 'plain', typed, 2)).toEqual({ ok: true, value: 'unreadable' });
    expect((await db.stories.get('plain'))?.payload).toEqual({ title: SECRETS.title });
    db.close();
  });
});
