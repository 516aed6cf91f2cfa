// "Care Opinion story address or number": what a person pastes after posting a story by hand. A
// story address from any Care Opinion site (https://<its host>/1234567, …/opinions/
// 1234567/some-title, with or without "www.", http or https) or a bare story number. Anything else
// is refused with a reason: the app never records a story as posted on its own say-so.

import { isCareOpinionHost } from '../regions/regions.ts';
import { isStoryNumber } from './storyNumber.ts';

/** Why an address is refused; the words are the catalogue's `handoff.address`. */
export type StoryAddressProblem = 'empty' | 'notCareOpinion' | 'notAStory' | 'notANumber';
export type StoryAddressCheck =
  | { ok: true; storyNumber: string }
  | { ok: false; problem: StoryAddressProblem };

const NUMBER = /^\d{1,12}$/;
// A story's own path: /1234567 or /opinions/1234567, optionally followed by a slug segment.
const STORY_PATH = /^\/(?:opinions\/)?(\d{1,12})(?:\/[a-z0-9-]*)?\/?$/i;

/** The story number from a story address or a bare number, or why not. */
export function parseStoryAddress(input: string): StoryAddressCheck {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const bare = text.replace(/^#/, '');
  if (NUMBER.test(bare)) return valid(bare);
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  // Neither a number nor anything like an address (no scheme, no dot): the person typed something else.
  if (!hasScheme && !text.includes('.')) return { ok: false, problem: 'notANumber' };
  const withScheme = hasScheme ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    // not a URL (new URL throws only a TypeError)
    return { ok: false, problem: 'notANumber' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'notCareOpinion' };
  if (url.username !== '' || url.password !== '' || url.port !== '' || !isCareOpinionHost(url.hostname))
    return { ok: false, problem: 'notCareOpinion' };
  const match = STORY_PATH.exec(url.pathname);
  return match?.[1] ? valid(match[1]) : { ok: false, problem: 'notAStory' };
}

function valid(digits: string): StoryAddressCheck {
  const storyNumber = digits.replace(/^0+/, '');
  return isStoryNumber(storyNumber) ? { ok: true, storyNumber } : { ok: false, problem: 'notANumber' };
}
