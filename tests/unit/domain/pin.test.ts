// PIN rules, the wrong-PIN wait, the recovery code's form, and the lock's words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeLockout, describeWait, describeWrongPin } from '../../../src/domain/lockWords.ts';
import {
  checkPin,
  checkPinPair,
  checkRecoveryCode,
  lockoutDelayMs,
  lockoutUntil,
  normaliseRecoveryCode,
  RECOVERY_ALPHABET,
  recoveryCodeFromBytes,
} from '../../../src/domain/pin.ts';

describe('checkPin', () => {
  it.each([
    ['', 'Choose a PIN of 4 to 8 digits.'],
    ['123', 'The PIN needs at least 4 digits.'],
    ['123456789', 'The PIN can have at most 8 digits.'],
    ['12 34', 'Use digits only (0 to 9).'],
    ['１２３４', 'Use digits only (0 to 9).'],
    ['abcd', 'Use digits only (0 to 9).'],
  ])('refuses %j', (pin, reason) => {
    expect(checkPin(pin)).toEqual({ ok: false, reason });
  });

  it('allows 4 digits with a warning, and 5 to 8 without', () => {
    expect(checkPin('0000')).toMatchObject({ ok: true, warning: expect.stringContaining('4-digit') });
    for (const pin of ['12345', '123456', '1234567', '12345678'])
      expect(checkPin(pin)).toEqual({ ok: true, warning: null });
  });

  it('needs both entries to match', () => {
    expect(checkPinPair('482915', '')).toMatchObject({ ok: false, reason: expect.stringContaining('again') });
    expect(checkPinPair('482915', '482916')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not the same'),
    });
    expect(checkPinPair('12', '12')).toEqual(checkPin('12'));
    expect(checkPinPair('4829', '4829')).toEqual(checkPin('4829'));
    expect(checkPinPair('482915', '482915')).toEqual({ ok: true, warning: null });
  });

  it('never throws, and accepts exactly 4 to 8 digits', () => {
    fc.assert(
      fc.property(fc.string(), (pin) => {
        expect(checkPin(pin).ok).toBe(/^[0-9]{4,8}$/.test(pin));
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
    expect(checkRecoveryCode('  ')).toEqual({ ok: false, reason: 'Enter the recovery code.' });
    expect(checkRecoveryCode('ABCD-EFGH')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('has 8'),
    });
    expect(checkRecoveryCode('ABCD-EFGU')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"U"'),
    });
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
    expect(describeWrongPin(1, null, 0)).toBe('That PIN is not right. Please try again.');
    expect(describeWrongPin(3, null, 0)).toContain('2 more tries');
    expect(describeWrongPin(4, null, 0)).toContain('1 more try');
    expect(describeWrongPin(5, 30_000, 0)).toContain('try again in 30 seconds');
    expect(describeLockout(300_000, 0)).toContain('Nothing on this device has been deleted');
  });
});
