// Geiriau'r sgrin glo (the Lock screen's words in Welsh): loaded first when Cymraeg is chosen, the
// rest of the catalogue (cy/index.ts) with the app behind the Lock screen.
import type { LockMessages } from '../en-GB/lockScreen.ts';
import { a11y } from './a11y.ts';
import { common, format } from './common.ts';
import { lock } from './lock.ts';
import { numbers } from './numbers.ts';

export const cyLock: LockMessages = { format, common, lock, numbers, a11y };
