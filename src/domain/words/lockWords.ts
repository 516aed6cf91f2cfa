// The lock in words: how long until the next PIN may be tried, and what a wrong PIN means, from the
// catalogue's `lock` words, and every code of the lock and the vault (`LockProblem`) in words.

import type { LockProblem } from '../lock/lockProblem.ts';
import { FREE_TRIES } from '../lock/pin.ts';
import type { LockMessages } from './index.ts';

/** A wait rounded up, so it never says 0 while still waiting: seconds under a minute, else h + min. */
export function waitParts(ms: number): { hours: number; minutes: number; seconds: number } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { hours: 0, minutes: 0, seconds };
  const minutes = Math.ceil(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0 };
}

/** Shown while a wait is running (a countdown, re-rendered every second). */
export function describeLockout(retryAt: number, now: number, t: LockMessages): string {
  const { hours, minutes, seconds } = waitParts(retryAt - now);
  return t.lock.lockout(hours, minutes, seconds);
}

/** After a wrong PIN: how many tries are left before a wait, or the wait itself. */
export function describeWrongPin(
  failures: number,
  retryAt: number | null,
  now: number,
  t: LockMessages,
): string {
  if (retryAt !== null && retryAt > now) return `${t.lock.wrongPin} ${describeLockout(retryAt, now, t)}`;
  const left = FREE_TRIES - failures;
  const more = left === 1 || left === 2 ? t.lock.triesLeft(left) : t.lock.tryAgain;
  return `${t.lock.wrongPin} ${more}`;
}

/** Why the lock, the vault or the PIN and recovery-code rules refused, in `t`'s words. */
export function lockProblemText(problem: LockProblem, t: LockMessages): string {
  const reasons = t.lock.reasons;
  switch (problem.code) {
    case 'tooEasy':
      return `${reasons.tooEasy[problem.pattern]} ${reasons.chooseAnother}`;
    case 'strayCharacter':
      return t.lock.strayCharacter(problem.stray);
    case 'codeLength':
      return t.lock.codeLength(problem.length);
    case 'wrongPin':
      return describeWrongPin(problem.failures, problem.retryAt, problem.at, t);
    case 'lockedOut':
      return describeLockout(problem.retryAt, problem.at, t);
    case 'mustChange':
      return `${reasons.mustChange} ${lockProblemText(problem.because, t)}`;
    default:
      return reasons[problem.code];
  }
}
