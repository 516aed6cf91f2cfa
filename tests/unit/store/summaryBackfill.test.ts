// Home's rows for stories kept before DB_V5: built at an unlock, and once every story has its row,
// never looked for again (reading every key of the stories and summaries at each unlock took
// seconds at 50,000 stories, while Home read its list).
import { describe, expect, it } from 'vitest';
import { createDb } from '../../../src/store/db.ts';
import { MIGRATIONS } from '../../../src/store/schema.ts';
import { backfillSummaries } from '../../../src/store/story/summaryBackfill.ts';
import { type Cipher, storyAad } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { completeDraft } from '../sync/storyFixtures.ts';

const cipher = await testCipher();
const NOW = Date.parse('2026-11-28T10:00:00Z');
const locked: Cipher = { ...cipher, read: async () => ({ ok: false, reason: 'locked' }) };
let n = 0;

describe('backfillSummaries', () => {
  it('builds the missing rows, goes on after a lock, then stops looking once none is missing', async () => {
    const name = `backfill-${++n}`;
    const old = createDb(
      name,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    await old.open();
    const payload = await cipher.seal(completeDraft('a', false), storyAad('a'));
    await old.table('stories').put({ id: 'a', createdAt: NOW, updatedAt: NOW, payload });
    old.close();
    const db = createDb(name);

    expect(await backfillSummaries(db, locked)).toBe(0); // locked half-way: not done
    expect(await backfillSummaries(db, cipher)).toBe(1);
    expect(await db.summaries.get('a')).toBeDefined();

    // No code writes a story without its row any more; a row that did would not be looked for.
    const later = await cipher.seal(completeDraft('b', false), storyAad('b'));
    await db.stories.put({ id: 'b', createdAt: NOW, updatedAt: NOW, payload: later });
    expect(await backfillSummaries(db, cipher)).toBe(0);
    expect(await db.summaries.get('b')).toBeUndefined();
    db.close();
  });
});
