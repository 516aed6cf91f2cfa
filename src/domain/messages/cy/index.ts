// Y catalog Cymraeg (Welsh): the same shape as en-GB's, loaded only when Cymraeg is chosen.
import type { Messages } from '../en-GB/index.ts';
import { common, format } from './common.ts';
import { home } from './home.ts';
import { lock } from './lock.ts';
import { send } from './send.ts';
import { settings } from './settings.ts';

export const cy: Messages = { format, common, home, send, lock, settings };
