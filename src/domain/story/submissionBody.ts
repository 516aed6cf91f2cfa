// Builds the queued copy of a checked draft: trimmed text, tidy services and ISO times, with
// optional fields left out when empty. sendReadiness.ts decides whether a draft may be queued.
// The body rule (`bodyToSend`) is the one place that decides what Care Opinion's `body` holds.

import type { Draft, DraftService } from './story.ts';
import type { Healthservice } from './submission.ts';

/** What the queue check has already checked and tidied. */
export type CheckedParts = {
  healthservices: Healthservice[];
  username: string;
  email: string | null;
  postcode: string;
  givenAt: string;
  recordedBy: string;
};

export const clean = (value: string | undefined): string => (value ?? '').trim();

/** The storyteller's answers on the Story step: the guide's two questions and the narrative. */
export type StoryAnswers = { body: string; whatWasGood: string; whatCouldBeDifferent: string };

/**
 * The `body` Care Opinion receives: exactly the narrative ("Anything else about what happened?",
 * trimmed) whenever it holds text; only when it is empty, the two answers (what was good, then what
 * could have been different), each trimmed, a blank line between, and no words added.
 */
export function bodyToSend(answers: StoryAnswers): string {
  const narrative = clean(answers.body);
  if (narrative !== '') return narrative;
  return [answers.whatWasGood, answers.whatCouldBeDifferent]
    .map(clean)
    .filter((answer) => answer !== '')
    .join('\n\n');
}

/** Whether the body was built from the two answers (no narrative), so it repeats them. */
export function bodyIsBuilt(answers: StoryAnswers): boolean {
  return clean(answers.body) === '' && bodyToSend(answers) !== '';
}

/** At most this many words of the story are offered as its title. */
export const SUGGESTED_TITLE_WORDS = 8;

/**
 * The title offered beside "What would you call this story": the first words of the story as told
 * (what was good, what could have been different, then the narrative), up to the end of the first
 * sentence and at most SUGGESTED_TITLE_WORDS words; empty when nothing is typed.
 */
export function suggestedTitle(answers: StoryAnswers): string {
  const first = [answers.whatWasGood, answers.whatCouldBeDifferent, answers.body].map(clean).find(Boolean);
  if (first === undefined) return '';
  const sentence = first.split(/(?<=[.!?])\s|\n/)[0] ?? first;
  return sentence
    .split(/\s+/)
    .slice(0, SUGGESTED_TITLE_WORDS)
    .join(' ')
    .replace(/[.,;:!?]+$/, '');
}

/** The POST /opinions body (API.md) for a checked draft; QueuedStorySchema has the last word. */
export function queuedCopy(draft: Draft, parts: CheckedParts): unknown {
  return {
    title: clean(draft.title),
    body: bodyToSend(draft),
    ...optional('whatWasGood', draft.whatWasGood),
    ...optional('whatCouldBeDifferent', draft.whatCouldBeDifferent),
    healthservices: parts.healthservices,
    author: {
      username: parts.username,
      email: parts.email,
      postcode: parts.postcode,
      role: draft.author.role,
      ...optional('ageGroup', draft.author.ageGroup),
    },
    postedOnBehalf: parts.email === null,
    consent: { publish: true, givenAt: parts.givenAt, recordedBy: parts.recordedBy },
    ...optional('focusTheme', draft.focusTheme),
    collectedAt: toIso(draft.collectedAt) ?? parts.givenAt,
    submissionRoute: 'assisted-offline-app',
  };
}

/** Named services, trimmed, each once; a service typed by hand keeps its name and no code. */
export function toHealthservices(services: readonly DraftService[]): Healthservice[] {
  const seen = new Set<string>();
  const out: Healthservice[] = [];
  for (const service of services) {
    const name = clean(service.name);
    const nacs = service.typedByHand ? '' : clean(service.nacs);
    const key = nacs ? `code:${nacs}` : `name:${name.toLowerCase()}`;
    if (name === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(nacs ? { nacs, name } : { name });
  }
  return out;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const text = clean(value);
  return text === '' ? {} : ({ [key]: text } as Record<K, string>);
}

/** An ISO time Care Opinion accepts (years 1–9999, UTC), or undefined for anything unreadable. */
export function toIso(value: string | Date | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 ? date.toISOString() : undefined;
}
