// The lock's and the vault's answers are codes with their facts (a wrong PIN's count and wait, the
// stray symbol in a recovery code): worded by the Lock screens in the chosen language — in English
// exactly the sentences the vault used to return, in Welsh whole (no English left in them).
import { describe, expect, it } from 'vitest';
import { checkPin, checkRecoveryCode } from '../../../src/domain/lock/pin.ts';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { loadMessages } from '../../../src/domain/words/index.ts';
import { lockProblemText } from '../../../src/domain/words/lockWords.ts';

const cy = await loadMessages('cy');

describe('lock codes in words', () => {
  it('a wrong PIN, composed of two sentences, is worded whole in Welsh', () => {
    const wrong = { code: 'wrongPin', failures: 1, retryAt: null, at: 0 } as const;
    expect(lockProblemText(wrong, enGB)).toBe('That PIN is not right. Please try again.');
    expect(lockProblemText(wrong, cy)).toBe('Nid yw’r PIN hwnnw’n gywir. Rhowch gynnig arall arni.');
    const waiting = { code: 'lockedOut', retryAt: 30_000, at: 0 } as const;
    expect(lockProblemText(waiting, enGB)).toContain('30 seconds');
    expect(lockProblemText(waiting, cy)).toBe(cy.lock.lockout(0, 0, 30));
  });

  it('a common PIN says why and asks for another, in either language', () => {
    const easy = checkPin('111111');
    if (easy.ok) throw new Error('111111 must be refused');
    expect(lockProblemText(easy.reason, cy)).toBe(
      `${cy.lock.reasons.tooEasy.repeated} ${cy.lock.reasons.chooseAnother}`,
    );
    const must = { code: 'mustChange', because: easy.reason } as const;
    expect(lockProblemText(must, enGB)).toBe(
      'That PIN is right, but it must now be changed. This PIN is too easy to guess: it is one digit repeated. Choose another.',
    );
    expect(lockProblemText(must, cy)).toMatch(/^Mae’r PIN hwnnw’n gywir, ond rhaid ei newid nawr\. /);
  });

  it('a recovery code with a stray symbol or the wrong length is worded in Welsh too (it never was)', () => {
    const stray = checkRecoveryCode('ABCD-EFGU');
    const short = checkRecoveryCode('ABCD');
    if (stray.ok || short.ok) throw new Error('both must be refused');
    expect(lockProblemText(stray.reason, cy)).toBe(cy.lock.strayCharacter('U'));
    expect(lockProblemText(stray.reason, cy)).not.toMatch(/recovery code/);
    expect(lockProblemText(short.reason, cy)).toBe(cy.lock.codeLength(4));
  });

  it('every plain code has its own words in both languages', () => {
    for (const code of [
      'notSetUp',
      'alreadySet',
      'noDeviceKey',
      'notSaved',
      'wrongCode',
      'enterPin',
    ] as const) {
      expect(lockProblemText({ code }, enGB)).toBe(enGB.lock.reasons[code]);
      expect(lockProblemText({ code }, cy)).toBe(cy.lock.reasons[code]);
      expect(cy.lock.reasons[code]).not.toBe(enGB.lock.reasons[code]);
    }
  });
});
