// The Lock screen's words: the only part of the English catalogue in the first download (the Lock
// screen, the PIN set-up and the fields' "Error:" and "(required)"). The rest (en-GB/index.ts) loads
// with the app behind the Lock screen.
import { a11y } from './a11y.ts';
import { common, format } from './common.ts';
import { lock } from './lock.ts';
import { numbers } from './numbers.ts';

export const enGBLock = { format, common, lock, numbers, a11y };

/** The areas of the catalogue the lock's screens read: every language gives these first. */
export type LockMessages = typeof enGBLock;
