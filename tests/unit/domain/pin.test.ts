// PIN rules, the wrong-PIN wait, the recovery code's form, and the lock's words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { describeLockout, describeWrongPin, lockProblemText } from '../../../src/domain/words/lockWords.ts';

/** The wait as the lockout sentence words it. */
const describeWait = (ms: number) =>
  describeLockout(ms, 0, enGB)
    .replace('Too many wrong PINs. You can try again in ', '')
    .replace(/\. Nothing.*$/, '');

import {
  COMMON_PINS,
  checkPin,
  checkPinPair,
  checkRecoveryCode,
  lockoutDelayMs,
  lockoutUntil,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  recoveryCodeFromBytes,
} from '../../../src/domain/lock/pin.ts';

describe('checkPin', () => {
  it.each([
    ['', 'choosePin', 'Choose a PIN of 6 to 8 digits.'],
    ['4829', 'tooShort', 'The PIN needs at least 6 digits.'],
    ['48291', 'tooShort', 'The PIN needs at least 6 digits.'],
    ['482915739', 'tooLong', 'The PIN can have at most 8 digits.'],
    ['48 2915', 'digitsOnly', 'Use digits only (0 to 9).'],
    ['４８２９１５', 'digitsOnly', 'Use digits only (0 to 9).'],
    ['abcdef', 'digitsOnly', 'Use digits only (0 to 9).'],
  ])('refuses %j (%s)', (pin, code, words) => {
    const result = checkPin(pin);
    expect(result).toEqual({ ok: false, reason: { code } });
    expect(result.ok ? '' : lockProblemText(result.reason, enGB)).toBe(words);
  });

  it.each([
    ['000000', 'one digit repeated'],
    ['77777777', 'one digit repeated'],
    ['123456', 'run of digits'],
    ['654321', 'run of digits'],
    ['34567890', 'run of digits'],
    ['890123', 'run of digits'],
    ['121212', 'short pattern'],
    ['123123', 'short pattern'],
    ['12341234', 'short pattern'],
    ['112233', 'twice in a row'],
    ['99887766', 'twice in a row'],
    ['071985', 'a year'],
    ['201950', 'a year'],
    ['122029', 'a year'],
    ['19850712', 'a year'],
    ['25121999', 'a year'],
    ['12252001', 'a year'],
    ['147258', 'keypad'],
    ['159753', 'keypad'],
    ['123321', 'mirror'],
    ['48266284', 'mirror'],
  ])('refuses the common PIN %s (%s) with a reason', (pin, why) => {
    const result = checkPin(pin);
    expect(result).toMatchObject({ ok: false, reason: { code: 'tooEasy' } });
    const words = result.ok ? '' : lockProblemText(result.reason, enGB);
    expect(words).toContain('too easy to guess');
    expect(words).toContain(why);
    expect(words).toMatch(/Choose another\.$/);
    expect(COMMON_PINS.filter((rule) => rule.matches(pin)).length).toBeGreaterThan(0);
  });

  it('allows ordinary PINs of 6 to 8 digits, including years outside 1950–2029', () => {
    for (const pin of ['482915', '739264', '5820147', '48291573', '071949', '203099'])
      expect(checkPin(pin)).toEqual({ ok: true });
  });

  it('refuses only a small share of all 6-digit PINs', () => {
    let refused = 0;
    for (let i = 0; i < 1_000_000; i += 7) if (!checkPin(String(i).padStart(6, '0')).ok) refused++;
    expect(refused / (1_000_000 / 7)).toBeLessThan(0.03);
  });

  it('needs both entries to match', () => {
    expect(checkPinPair('482915', '')).toEqual({ ok: false, reason: { code: 'confirmEmpty' } });
    expect(checkPinPair('482915', '482916')).toEqual({ ok: false, reason: { code: 'notSame' } });
    expect(checkPinPair('12', '12')).toEqual(checkPin('12'));
    expect(checkPinPair('123456', '123456')).toEqual(checkPin('123456'));
    expect(checkPinPair('482915', '482915')).toEqual({ ok: true });
  });

  it('never throws, and accepts only 6 to 8 digits', () => {
    fc.assert(
      fc.property(fc.string(), (pin) => {
        if (checkPin(pin).ok) expect(pin).toMatch(/^[0-9]{6,8}$/);
        if (!/^[0-9]{6,8}$/.test(pin)) expect(checkPin(pin).ok).toBe(false);
      }),
    );
  });
});

describe('lockout', () => {
  it('lets 5 tries go without a wait, then 30 s, 1 min, 5 min, 15 min, 1 h, and stays at 1 h', () => {
    expect([0, 1, 4].map(lockoutDelayMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10, 500].map(lockoutDelayMs)).toEqual([
      30_000, 60_000, 300_000, 900_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    expect(lockoutUntil(4, 1000)).toBeNull();
    expect(lockoutUntil(5, 1000)).toBe(31_000);
  });

  it('survives odd counts', () => {
    expect(lockoutDelayMs(Number.NaN)).toBe(0);
    expect(lockoutDelayMs(-3)).toBe(0);
    expect(lockoutDelayMs(Number.POSITIVE_INFINITY)).toBe(3_600_000);
  });

  it('never shortens with more failures', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.integer({ min: 0, max: 2 ** 40 }), (a, extra, at) => {
        const until = (n: number) => lockoutUntil(n, at) ?? Number.NEGATIVE_INFINITY;
        expect(lockoutDelayMs(a + extra)).toBeGreaterThanOrEqual(lockoutDelayMs(a));
        expect(until(a + extra)).toBeGreaterThanOrEqual(until(a));
      }),
    );
  });
});

describe('recovery code', () => {
  it('is 6 groups of 4 from the unambiguous alphabet', () => {
    const code = recoveryCodeFromBytes(new Uint8Array(24).map((_, i) => i * 11));
    expect(code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(code).not.toMatch(/[ILOU]/);
    expect(RECOVERY_ALPHABET).toHaveLength(32);
    expect(() => recoveryCodeFromBytes(new Uint8Array(23))).toThrow();
  });

  it('reads typed input however it was spaced, cased or dashed, and O/I/L as 0/1', () => {
    const code = recoveryCodeFromBytes(crypto.getRandomValues(new Uint8Array(24)));
    expect(normaliseRecoveryCode(code)).toBe(code);
    expect(normaliseRecoveryCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    expect(normaliseRecoveryCode(code.replace(/-/g, ''))).toBe(code);
    expect(normaliseRecoveryCode('oil0-')).toBe('0110');
    expect(checkRecoveryCode(code.replace(/-/g, '—'))).toEqual({ ok: true, code });
  });

  it('says what is wrong with a code', () => {
    expect(checkRecoveryCode('  ')).toEqual({ ok: false, reason: { code: 'enterCode' } });
    const short = checkRecoveryCode('ABCD-EFGH');
    expect(short).toEqual({ ok: false, reason: { code: 'codeLength', length: 8 } });
    expect(short.ok ? '' : lockProblemText(short.reason, enGB)).toBe(
      'A recovery code has 24 letters and digits (6 groups of 4); this one has 8.',
    );
    const stray = checkRecoveryCode('ABCD-EFGU');
    expect(stray).toEqual({ ok: false, reason: { code: 'strayCharacter', stray: 'U' } });
    expect(stray.ok ? '' : lockProblemText(stray.reason, enGB)).toBe(
      'A recovery code has only letters and digits; "U" is not one of them.',
    );
  });

  it('normalising twice changes nothing, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), (input) => {
        const once = normaliseRecoveryCode(input);
        expect(normaliseRecoveryCode(once)).toBe(once);
        checkRecoveryCode(input);
      }),
    );
  });

  it('any 24 bytes make a code that checks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 24, maxLength: 24 }), (bytes) => {
        const code = recoveryCodeFromBytes(bytes);
        expect(checkRecoveryCode(code)).toEqual({ ok: true, code });
      }),
    );
  });
});

describe('lock words', () => {
  it('rounds waits up, in plain words', () => {
    expect(describeWait(0)).toBe('1 second');
    expect(describeWait(29_001)).toBe('30 seconds');
    expect(describeWait(60_000)).toBe('1 minute');
    expect(describeWait(61_000)).toBe('2 minutes');
    expect(describeWait(3_600_000)).toBe('1 hour');
    expect(describeWait(3_900_000)).toBe('1 hour 5 minutes');
  });

  it('warns before the wait starts, and then says how long it is', () => {
    expect(describeWrongPin(1, null, 0, enGB)).toBe('That PIN is not right. Please try again.');
    expect(describeWrongPin(3, null, 0, enGB)).toContain('2 more tries');
    expect(describeWrongPin(4, null, 0, enGB)).toContain('1 more try');
    expect(describeWrongPin(5, 30_000, 0, enGB)).toContain('try again in 30 seconds');
    expect(describeLockout(300_000, 0, enGB)).toContain('Nothing on this device has been deleted');
  });
});
