// The lock in words: how long until the next PIN may be tried, and what a wrong PIN means.
import { FREE_TRIES } from './pin.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "45 seconds", "2 minutes", "1 hour 5 minutes": rounded up, so it never says 0 while still waiting. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return plural(seconds, 'second');
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

/** Shown while a wait is running (a countdown, re-rendered every second). */
export function describeLockout(retryAt: number, now: number): string {
  return `Too many wrong PINs. You can try again in ${describeWait(retryAt - now)}. Nothing on this device has been deleted.`;
}

/** After a wrong PIN: how many tries are left before a wait, or the wait itself. */
export function describeWrongPin(failures: number, retryAt: number | null, now: number): string {
  if (retryAt !== null && retryAt > now) return `That PIN is not right. ${describeLockout(retryAt, now)}`;
  const left = FREE_TRIES - failures;
  if (left === 1) return 'That PIN is not right. 1 more try before a short wait.';
  if (left === 2) return 'That PIN is not right. 2 more tries before a short wait.';
  return 'That PIN is not right. Please try again.';
}
