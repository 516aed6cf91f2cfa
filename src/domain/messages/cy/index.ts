// Y catalog Cymraeg (Welsh): the same shape as en-GB's, loaded only when Cymraeg is chosen.
import type { Messages } from '../en-GB/index.ts';
import { a11y } from './a11y.ts';
import { common, format } from './common.ts';
import { display } from './display.ts';
import { handoff } from './handoff.ts';
import { picker } from './picker.ts';
import { story } from './story.ts';
import { storyteller } from './storyteller.ts';

export const cy: Messages = { format, common, story, storyteller, picker, handoff, a11y, display };
