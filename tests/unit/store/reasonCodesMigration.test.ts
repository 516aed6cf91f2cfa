// DB_V7_REASON_CODES: an outbox entry's `lastProblem` and the queue's pause, stored as English words
// by every earlier version, come out as codes (each known text its own code, anything else
// `unknown`), read back through the repositories and worded in either language.
import { describe, expect, it } from 'vitest';
import { SEND_PROBLEMS } from '../../../src/domain/send/sendProblem.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import { sendProblemText } from '../../../src/domain/words/sendWords.ts';
import { createDb } from '../../../src/store/db.ts';
import { LEGACY_SEND_PROBLEMS } from '../../../src/store/legacyWords.ts';
import { DB_V7_REASON_CODES, MIGRATIONS } from '../../../src/store/schema.ts';
import { getEntry, getPause, openFieldProblems } from '../../../src/store/send/outbox.ts';
import { problemsAad } from '../../../src/store/vault/cipher.ts';
import { testCipher } from '../../fixtures/cipher.ts';

let n = 0;
const V6 = MIGRATIONS.filter((m) => m.version < DB_V7_REASON_CODES.version);

/** An entry as v6 wrote it, with `lastProblem` in words. */
const entryWith = (id: string, lastProblem: string) => ({
  id,
  state: 'queued',
  version: 2,
  nextAttemptAt: 0,
  idempotencyKey: `key-${id}`,
  payload: {},
  attempts: 1,
  firstAttemptAt: 1,
  lastProblem,
});

async function upgradeFromV6(rows: object[], pause?: string) {
  const name = `reason-codes-${++n}`;
  const old = createDb(name, V6);
  await old.open();
  await old.table('outbox').bulkPut(rows);
  if (pause !== undefined) await old.table('meta').put({ key: 'queue-pause', value: pause });
  old.close();
  const db = createDb(name);
  await db.open();
  return db;
}

describe('DB_V7_REASON_CODES', () => {
  it('turns every English reason an earlier version stored into its code', async () => {
    const texts = Object.keys(LEGACY_SEND_PROBLEMS);
    const db = await upgradeFromV6(texts.map((text, i) => entryWith(`e${i}`, text)));
    for (const [i, text] of texts.entries()) {
      const entry = await getEntry(db, `e${i}`);
      expect(entry?.lastProblem, text).toBe(LEGACY_SEND_PROBLEMS[text]);
      // Raw, too: the row itself holds the code, not only the reading of it.
      expect((await db.table('outbox').get(`e${i}`))?.lastProblem).toBe(LEGACY_SEND_PROBLEMS[text]);
    }
    db.close();
  });

  it('the English texts are the words this version shows for those codes (nothing reads differently)', () => {
    for (const [text, code] of Object.entries(LEGACY_SEND_PROBLEMS)) {
      // Two older texts for an unopenable story were merged into one: both say it was not sent.
      if (text.startsWith('This story could not be read back')) continue;
      expect(sendProblemText(code, enGB)).toBe(text);
    }
  });

  it('an unknown text becomes `unknown`; no problem stays none; the other fields are kept', async () => {
    const db = await upgradeFromV6([
      entryWith('odd', 'Sent by an old version; trying again'),
      (({ lastProblem: _, ...rest }) => rest)(entryWith('none', '')),
    ]);
    expect(await getEntry(db, 'odd')).toMatchObject({ lastProblem: 'unknown', version: 2, attempts: 1 });
    const none = await db.table('outbox').get('none');
    expect(none?.lastProblem).toBeUndefined();
    db.close();
  });

  it.each([
    ['The key was not accepted', 'keyRejected'],
    ['This iPad was disconnected from the relay', 'deviceRevoked'],
    ["The relay's Care Opinion key was not accepted — tell your Care Opinion lead", 'relayKeyRefused'],
    ['Something else', 'unknown'],
  ])('the queue paused for "%s" stays paused, for %s', async (words, code) => {
    const db = await upgradeFromV6([], words);
    expect(await getPause(db)).toBe(code);
    db.close();
  });

  it('every code has words in English and in Welsh, none of them the code itself', async () => {
    const cy = await loadMessages('cy');
    for (const code of SEND_PROBLEMS) {
      expect(sendProblemText(code, enGB)).not.toBe(code);
      expect(sendProblemText(code, cy)).not.toBe(code);
      expect(sendProblemText(code, cy)).not.toBe(sendProblemText(code, enGB));
    }
  });

  it('a refused field sealed with the old words for "no message" reads as no message (no migration can open it)', async () => {
    const cipher = await testCipher();
    const sealed = await cipher.seal(
      [
        { field: 'title', message: 'Please check this' },
        { field: 'author.postcode', message: 'Not a known postcode' },
      ],
      problemsAad('p'),
    );
    const db = await upgradeFromV6([
      { ...entryWith('p', 'Some details need changing'), fieldProblems: sealed },
    ]);
    const entry = await getEntry(db, 'p');
    if (!entry) throw new Error('the entry must survive');
    expect(entry.lastProblem).toBe('fields');
    expect(await openFieldProblems(cipher, entry)).toEqual([
      { field: 'title', message: '' },
      { field: 'author.postcode', message: 'Not a known postcode' },
    ]);
    db.close();
  });
});
