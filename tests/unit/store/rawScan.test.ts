// A copy of the browser's storage must not show a story's text, email or postcode: scan every
// value fake-indexeddb holds, byte for byte, after saving, after queueing and after sending.
import { describe, expect, it } from 'vitest';
import { checkQueueable } from '../../../src/domain/sendReadiness.ts';
import { createDb, type StoryDb } from '../../../src/store/db.ts';
import { encryptLegacyRows } from '../../../src/store/legacy.ts';
import { markSending, markSent } from '../../../src/store/outbox.ts';
import * as stories from '../../../src/store/stories.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const SECRETS = {
  title: 'Zebracrossing kindness',
  body: 'The nurse Quillon held my hand',
  email: 'unicorn.secret@example.org',
  postcode: 'NG7 2UH',
  username: 'marmaladefan41',
};

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
    await stories.queueStory(db, cipher, 's1', check.story, 'key-1', 3);
    expectNoSecrets(await dump(db));

    await markSending(db, 's1', 'key-1', 4);
    await markSent(db, cipher, 's1', 'co-1', 5);
    const sent = await dump(db);
    expect(sent).toContain('co-1');
    expectNoSecrets(sent);
    expect((await stories.listReceipts(db, cipher))[0]).toMatchObject({
      title: SECRETS.title,
      careOpinionId: 'co-1',
    });
    db.close();
  });

  it('the scan would see a plain payload (the check can fail)', async () => {
    const db = createDb(`raw-scan-plain-${Date.now()}`);
    await db.stories.put({ id: 'legacy', state: 'draft', updatedAt: 1, payload: { title: SECRETS.title } });
    expect(await dump(db)).toContain(SECRETS.title);
    expect(await encryptLegacyRows(db, cipher)).toBe(1);
    expectNoSecrets(await dump(db));
    expect((await stories.getStory(db, cipher, 'legacy'))?.draft.title).toBe(SECRETS.title);
    db.close();
  });
});
