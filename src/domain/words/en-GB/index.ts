// The English (UK) catalogue: the source of every interface word. Each area of the app has its own
// file (one screen's words together); `Messages` is this catalogue's shape, which every other
// language must match exactly (the type checker refuses a missing or extra key).
import { a11y } from './a11y.ts';
import { common, format } from './common.ts';
import { display } from './display.ts';
import { handover } from './handover.ts';
import { home } from './home.ts';
import { lock } from './lock.ts';
import { numbers } from './numbers.ts';
import { send } from './send.ts';
import { session } from './session.ts';
import { settings } from './settings.ts';
import { card } from './story/card.ts';
import { handoff } from './story/handoff.ts';
import { picker } from './story/picker.ts';
import { steps } from './story/steps.ts';
import { story } from './story/story.ts';
import { storyteller } from './story/storyteller.ts';

export const enGB = {
  format,
  common,
  home,
  send,
  lock,
  settings,
  story,
  storyteller,
  picker,
  handoff,
  steps,
  card,
  session,
  numbers,
  handover,
  a11y,
  display,
};

export type Messages = typeof enGB;
