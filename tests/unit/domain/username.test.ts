import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_NAMES, toNameSet } from '../../../src/domain/fields/commonNames';
import { checkUsername, type ReasonCode } from '../../../src/domain/fields/username';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { usernameReasonText } from '../../../src/domain/words/fieldWords.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import { anyText } from './textArbitraries';

const commonNames = toNameSet(COMMON_NAMES);
const codes = (value: string, email?: string) =>
  checkUsername(value, { commonNames, ...(email ? { email } : {}) }).warnings.map((w) => w.code);

describe('checkUsername: fine usernames', () => {
  it.each([
    'rugbyfan33',
    'gardenlover',
    'hillwalker',
    'seasidewalker',
    'bookworm7',
    'Manchester fan',
    'scunthorpe',
    'grandmaster',
    'human',
    'secretagents',
  ])('%j has no block and no warnings', (value) => {
    expect(checkUsername(value, { commonNames, email: 'person@example.org' })).toEqual({
      block: null,
      warnings: [],
    });
  });

  it('empty or blank gives nothing (the queue check reports a missing username)', () => {
    expect(checkUsername('', { commonNames })).toEqual({ block: null, warnings: [] });
    expect(checkUsername('   ')).toEqual({ block: null, warnings: [] });
  });
});

describe('checkUsername: offensive words block', () => {
  it.each(['fuckface', 'sh1tbag', 'bastard', 'W4NKER'])('%j is blocked with a reason', (value) => {
    const { block } = checkUsername(value);
    expect(block?.code).toBe('offensive');
    expect(enGB.storyteller.username.offensive.message).toBe(
      'This username has a word Care Opinion will not publish.',
    );
    expect(block && usernameReasonText(block, enGB)).toContain('rugbyfan33');
  });
});

describe('checkUsername: warnings', () => {
  it.each<[string, ReasonCode[]]>([
    ['jane', ['name']],
    ['Sarah', ['name']],
    ['janesmith', ['name']],
    ['JaneSmith', ['name']],
    ['mo smith', ['name']],
    ['jane82', ['name', 'age']],
    ['bob1964', ['name', 'age']],
    ['mary 45', ['name', 'age']],
    ['rugby_45', ['age']],
    ['45', ['age']],
    ['aged45', ['age']],
    ['fan1999', ['age']],
    ['mum45', ['age', 'gender']],
    ['proud mum', ['gender', 'emotion']],
    ['happydays', ['emotion']],
    ['angry patient', ['emotion']],
    ['grateful', ['emotion']],
    ['sad', ['emotion']],
    ['OldMan', ['gender']],
    ['old man', ['gender']],
    ['lady', ['gender']],
    ['female_cyclist', ['gender']],
  ])('%j warns %j', (value, expected) => {
    expect(codes(value)).toEqual(expected);
  });

  it.each([
    ['rugbyfan33', 'sam.rugbyfan@example.org'],
    ['pjones', 'peter.jones@example.org'],
    ['jon', 'jon1999@example.org'],
    ['xyz12', 'xyz@example.org'],
  ])('%j warns about the email %j', (value, email) => {
    expect(codes(value, email)).toContain('email');
  });

  it('does not warn about the email for unrelated usernames', () => {
    expect(codes('sandwiches', 'andrew@example.org')).not.toContain('email');
    expect(codes('rugbyfan33', 'person@example.org')).not.toContain('email');
  });

  it('skips the name check when the names list has not loaded, but still catches years and loose ages', () => {
    expect(checkUsername('jane').warnings).toEqual([]);
    expect(checkUsername('bob1964').warnings.map((w) => w.code)).toEqual(['age']);
    expect(checkUsername('mary 45').warnings.map((w) => w.code)).toEqual(['age']);
  });

  it('every warning explains itself and suggests something', () => {
    const { warnings } = checkUsername('proud mum jane 1964', { commonNames, email: 'jane@example.org' });
    expect(warnings.map((w) => w.code)).toEqual(['name', 'email', 'age', 'gender', 'emotion']);
    for (const warning of warnings) {
      const words = enGB.storyteller.username[warning.code];
      expect(words.message.length).toBeGreaterThan(20);
      expect(words.suggestion).toMatch(/like '/);
    }
    expect(warnings[0] && usernameReasonText(warnings[0], enGB)).toBe(
      "This looks like a real first name or surname. Usernames keep the storyteller anonymous. Try something about a hobby or place, like 'rugbyfan33'.",
    );
  });

  it.each(['1919', '2026', '99999', 'fan09', 'fan9'])('%j is not read as an age or year', (value) => {
    expect(codes(value)).not.toContain('age');
  });
});

describe('checkUsername: Welsh words, whatever the app’s language', () => {
  it.each<[string, ReasonCode[]]>([
    ['Siân', ['name']],
    ['sian', ['name']],
    ['DafyddRhys', ['name']],
    ['iolo', ['name']],
    ['Owain', ['name']],
    ['elin88', ['name', 'age']],
    ['mam', ['gender']],
    ['tad', ['gender']],
    ['nain', ['gender']],
    ['taid', ['gender']],
    ['mamgu', ['gender']],
    ['TadCu', ['gender']],
    ['gŵr', ['gender']],
    ['merch_y_wlad', ['gender']],
    ['bachgen', ['gender']],
    ['mam45', ['age', 'gender']],
    ['hapus', ['emotion']],
    ['anhapus', ['emotion']],
    ['trist', ['emotion']],
    ['blin', ['emotion']],
    ['ofnus', ['emotion']],
    ['mamgu hapus', ['gender', 'emotion']],
  ])('%j warns %j', (value, expected) => {
    expect(codes(value)).toEqual(expected);
  });

  it.each(['cachu', 'bastad', 'ffycin', 'cont', 'CachuMawr'])('%j is blocked', (value) => {
    expect(checkUsername(value).block?.code).toBe('offensive');
  });

  it.each(['mynyddwr', 'dyddmercher', 'tristan_fan', 'contents', 'tadpole', 'blinds', 'human', 'caerdydd'])(
    '%j has no block and no gender or emotion warning (whole words only where short)',
    (value) => {
      const result = checkUsername(value);
      expect(result.block).toBeNull();
      expect(result.warnings.map((w) => w.code)).not.toContain('gender');
      expect(result.warnings.map((w) => w.code)).not.toContain('emotion');
    },
  );

  it('names the Welsh words in the Welsh warning', async () => {
    const cy = await loadMessages('cy');
    expect(cy.storyteller.username.gender.message).toContain('mam neu dad');
    expect(cy.storyteller.username.emotion.message).toContain('hapus neu flin');
  });
});

describe('common names list', () => {
  it('is compact, lower case, unique, and ready as a set', () => {
    expect(COMMON_NAMES.length).toBeGreaterThanOrEqual(400);
    expect(COMMON_NAMES.length).toBeLessThanOrEqual(800);
    for (const welsh of ['sian', 'dafydd', 'rhys', 'gwen', 'iolo', 'elin', 'owain', 'cerys']) {
      expect(COMMON_NAMES).toContain(welsh);
    }
    expect(new Set(COMMON_NAMES).size).toBe(COMMON_NAMES.length);
    expect(COMMON_NAMES.every((name) => /^[a-z]{3,}$/.test(name))).toBe(true);
    expect(toNameSet([' Jane ', '', 'SMITH']).has('smith')).toBe(true);
    expect(toNameSet([' Jane ', '']).size).toBe(1);
  });
});

describe('checkUsername never throws', () => {
  it('on arbitrary strings and emails', () => {
    fc.assert(
      fc.property(anyText, anyText, (value, email) => {
        const result = checkUsername(value, { commonNames, email });
        expect(Array.isArray(result.warnings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
