// The lock in words: how long until the next PIN may be tried, and what a wrong PIN means, from the
// catalogue's `lock` words (English where no language is given: the store's answers, for now).

import { FREE_TRIES } from '../lock/pin.ts';
import { enGB, type Messages } from './index.ts';

/** A wait rounded up, so it never says 0 while still waiting: seconds under a minute, else h + min. */
export function waitParts(ms: number): { hours: number; minutes: number; seconds: number } {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return { hours: 0, minutes: 0, seconds };
  const minutes = Math.ceil(seconds / 60);
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0 };
}

/** Shown while a wait is running (a countdown, re-rendered every second). */
export function describeLockout(retryAt: number, now: number, t: Messages = enGB): string {
  const { hours, minutes, seconds } = waitParts(retryAt - now);
  return t.lock.lockout(hours, minutes, seconds);
}

/** After a wrong PIN: how many tries are left before a wait, or the wait itself. */
export function describeWrongPin(
  failures: number,
  retryAt: number | null,
  now: number,
  t: Messages = enGB,
): string {
  if (retryAt !== null && retryAt > now) return `${t.lock.wrongPin} ${describeLockout(retryAt, now, t)}`;
  const left = FREE_TRIES - failures;
  const more = left === 1 ? t.lock.oneTryLeft : left === 2 ? t.lock.twoTriesLeft : t.lock.tryAgain;
  return `${t.lock.wrongPin} ${more}`;
}
