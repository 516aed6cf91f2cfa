// Y catalog Cymraeg (Welsh): the same shape as en-GB's, loaded only when Cymraeg is chosen.
import type { Messages } from '../en-GB/index.ts';
import { common, format } from './common.ts';
import { handover } from './handover.ts';

export const cy: Messages = { format, common, handover };
