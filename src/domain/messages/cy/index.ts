// Y catalog Cymraeg (Welsh): the same shape as en-GB's, loaded only when Cymraeg is chosen.
import type { Messages } from '../en-GB/index.ts';
import { common, format } from './common.ts';
import { handoff } from './handoff.ts';
import { handover } from './handover.ts';
import { picker } from './picker.ts';
import { story } from './story.ts';
import { storyteller } from './storyteller.ts';

export const cy: Messages = { format, common, story, storyteller, picker, handoff, handover };
