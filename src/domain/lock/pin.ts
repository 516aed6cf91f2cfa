// The PIN and recovery-code rules, and the wrong-PIN lockout, as pure functions. Randomness and the
// clock are passed in; the answers are codes (lockProblem.ts), worded by the Lock screens.
import type { CommonPin, PinProblem, RecoveryCodeProblem } from './lockProblem.ts';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;

export type PinCheck = { ok: true } | { ok: false; reason: PinProblem };

const isRun = (pin: string, step: 1 | -1) =>
  [...pin].every((d, i) => i === 0 || Number(d) === (Number(pin[i - 1]) + step + 10) % 10);
const repeatsEvery = (pin: string, period: number) =>
  pin.length % period === 0 && pin === pin.slice(0, period).repeat(pin.length / period);
const isYear = (digits: string) => Number(digits) >= 1950 && Number(digits) <= 2029;
const isDayMonth = (dd: string, mm: string) =>
  Number(dd) >= 1 && Number(dd) <= 31 && Number(mm) >= 1 && Number(mm) <= 12;

/**
 * PINs people choose most often, which an attacker tries first: each with the reason shown. The one
 * table of them (tests/unit/domain/pin.test.ts lists examples of each).
 */
export const COMMON_PINS: readonly { reason: CommonPin; matches(pin: string): boolean }[] = [
  { reason: 'repeated', matches: (pin) => repeatsEvery(pin, 1) },
  {
    reason: 'run',
    matches: (pin) => isRun(pin, 1) || isRun(pin, -1),
  },
  {
    reason: 'pattern',
    matches: (pin) => [2, 3, 4].some((period) => repeatsEvery(pin, period)),
  },
  {
    reason: 'doubled',
    matches: (pin) => pin.length % 2 === 0 && [...pin].every((d, i) => i % 2 === 0 || d === pin[i - 1]),
  },
  {
    reason: 'date',
    matches: (pin) =>
      (pin.length === 6 && (isYear(pin.slice(2)) || isYear(pin.slice(0, 4)))) ||
      (pin.length === 8 &&
        ((isYear(pin.slice(4)) &&
          (isDayMonth(pin.slice(0, 2), pin.slice(2, 4)) || isDayMonth(pin.slice(2, 4), pin.slice(0, 2)))) ||
          (isYear(pin.slice(0, 4)) && isDayMonth(pin.slice(6), pin.slice(4, 6))))),
  },
  {
    reason: 'keypad',
    matches: (pin) =>
      [
        '147258',
        '258369',
        '369258',
        '159753',
        '951753',
        '789456',
        '456123',
        '102030',
        '111222',
        '000111',
      ].some((known) => pin.startsWith(known)) ||
      (pin.length % 2 === 0 &&
        pin.slice(pin.length / 2) === [...pin.slice(0, pin.length / 2)].reverse().join('')),
  },
];

/** 6 to 8 digits, and none of the common PINs. */
export function checkPin(pin: string): PinCheck {
  if (pin === '') return { ok: false, reason: { code: 'choosePin' } };
  if (!/^[0-9]*$/.test(pin)) return { ok: false, reason: { code: 'digitsOnly' } };
  if (pin.length < PIN_MIN_DIGITS) return { ok: false, reason: { code: 'tooShort' } };
  if (pin.length > PIN_MAX_DIGITS) return { ok: false, reason: { code: 'tooLong' } };
  const common = COMMON_PINS.find((rule) => rule.matches(pin));
  if (common) return { ok: false, reason: { code: 'tooEasy', pattern: common.reason } };
  return { ok: true };
}

/** The chosen PIN and its confirmation: the PIN's own rules first, then that both match. */
export function checkPinPair(pin: string, confirm: string): PinCheck {
  const first = checkPin(pin);
  if (!first.ok) return first;
  if (confirm === '') return { ok: false, reason: { code: 'confirmEmpty' } };
  if (confirm !== pin) return { ok: false, reason: { code: 'notSame' } };
  return first;
}

/** Wrong tries allowed before any wait. */
export const FREE_TRIES = 5;
/** Waits after the 5th, 6th, 7th… wrong try; the last one repeats (the cap). */
export const LOCKOUT_STEPS_MS = [30_000, 60_000, 300_000, 900_000, 3_600_000] as const;
export const LOCKOUT_CAP_MS = 3_600_000;
/** The count at which the wait reaches its cap: what a damaged counter is read as. */
export const LOCKOUT_MAX_FAILURES = FREE_TRIES + LOCKOUT_STEPS_MS.length - 1;

/** How long to wait after this many wrong tries in a row (0 while tries remain). */
export function lockoutDelayMs(failures: number): number {
  if (!(failures >= FREE_TRIES)) return 0; // also NaN
  const step = Math.min(Math.floor(failures) - FREE_TRIES, LOCKOUT_STEPS_MS.length - 1);
  return LOCKOUT_STEPS_MS[step] ?? LOCKOUT_CAP_MS;
}

/** The time before which no PIN is tried, or null when the next try may go ahead at once. */
export function lockoutUntil(failures: number, lastFailureAt: number): number | null {
  const delay = lockoutDelayMs(failures);
  return delay === 0 ? null : lastFailureAt + delay;
}

// Crockford's base 32: no I, L, O or U, so nothing reads as another symbol.
export const RECOVERY_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LENGTH = 4;
/** Random bytes needed for one code: one per symbol (32 divides 256, so every symbol is equally likely). */
export const RECOVERY_BYTES = RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH;

function group(symbols: string): string {
  return (symbols.match(new RegExp(`.{1,${RECOVERY_GROUP_LENGTH}}`, 'g')) ?? []).join('-');
}

/** A code like `7K2M-…` (6 groups of 4) from 24 random bytes. */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_BYTES) throw new Error(`recovery code needs ${RECOVERY_BYTES} random bytes`);
  const symbols = Array.from(bytes.subarray(0, RECOVERY_BYTES), (b) => RECOVERY_ALPHABET[b % 32]);
  return group(symbols.join(''));
}

/** Typed input in the code's written form: capitals, no spaces, O read as 0 and I or L as 1. */
export function normaliseRecoveryCode(input: string): string {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return group(compact);
}

export type RecoveryCodeCheck = { ok: true; code: string } | { ok: false; reason: RecoveryCodeProblem };

export function checkRecoveryCode(input: string): RecoveryCodeCheck {
  const code = normaliseRecoveryCode(input);
  const symbols = code.replace(/-/g, '');
  if (symbols === '') return { ok: false, reason: { code: 'enterCode' } };
  const stray = [...symbols].find((c) => !RECOVERY_ALPHABET.includes(c));
  if (stray !== undefined) return { ok: false, reason: { code: 'strayCharacter', stray } };
  if (symbols.length !== RECOVERY_BYTES)
    return { ok: false, reason: { code: 'codeLength', length: symbols.length } };
  return { ok: true, code };
}
