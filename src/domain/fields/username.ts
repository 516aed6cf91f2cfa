// Username rules (PRODUCT.md): offensive words and contact details (an email address, a phone or NHS
// number: contactDetails.ts) block; a name, part of the email, an age or year, a
// gender or an emotion word warn with a suggestion, because Care Opinion's moderators would change them.

import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { type ContactCode, findContactDetails } from './contactDetails.ts';
import {
  EMOTION_WORDS,
  fold,
  GENDER_WORDS,
  hasWord,
  nameLike,
  splitWords,
  WELSH_EMOTION_WORDS,
  WELSH_GENDER_WORDS,
  WELSH_OFFENSIVE_WORDS,
} from './usernameWords';

export type ReasonCode = 'offensive' | ContactCode | 'name' | 'email' | 'age' | 'gender' | 'emotion';
/** What blocks: words Care Opinion will not publish, or contact details it would publish. */
export type BlockCode = 'offensive' | ContactCode;
type WarningCode = Exclude<ReasonCode, BlockCode>;
/** Why a username blocks or warns; the words and suggestion are the catalogue's `storyteller.username`. */
export type Reason = { code: ReasonCode };
export type UsernameCheck = { block: Reason | null; warnings: Reason[] };
export type UsernameContext = { email?: string; commonNames?: ReadonlySet<string> };

let matcher: RegExpMatcher | undefined;

// Built on first use, not at import: nothing runs when the module loads.
function isOffensive(value: string, words: readonly string[]): boolean {
  matcher ??= new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  return matcher.hasMatch(value) || words.some((word) => hasWord(word, WELSH_OFFENSIVE_WORDS));
}

// English and Welsh alike, whatever the app's language: a storyteller may type either.
const isGenderWord = (word: string) => hasWord(word, GENDER_WORDS) || hasWord(word, WELSH_GENDER_WORDS);
const isEmotionWord = (word: string) => hasWord(word, EMOTION_WORDS) || hasWord(word, WELSH_EMOTION_WORDS);

/** Checks a username as it is typed. Empty gives no reasons: the queue check reports it as missing. */
export function checkUsername(value: string, ctx: UsernameContext = {}): UsernameCheck {
  const username = String(value).trim();
  if (username === '') return { block: null, warnings: [] };
  const words = splitWords(username);
  // Contact details first: their digits can read as letters to the offensive-word matcher ("1" as "i").
  const contact = findContactDetails(username);
  const block: Reason | null = contact
    ? { code: contact }
    : isOffensive(username, words)
      ? { code: 'offensive' }
      : null;
  const lower = username.toLowerCase();
  const names = ctx.commonNames;
  const found: Record<WarningCode, boolean> = {
    name: names !== undefined && words.some((word) => nameLike(word, names)),
    email: sharesEmail(lower, words, ctx.email),
    age: hasAgeOrYear(lower, names),
    gender: words.some(isGenderWord),
    emotion: words.some(isEmotionWord),
  };
  const warnings = (Object.keys(found) as (keyof typeof found)[])
    .filter((code) => found[code])
    .map((code) => ({ code }));
  return { block, warnings };
}

/** Any 3+ character chunk of the email's local part, or any 4 of its characters in a row. */
function sharesEmail(lower: string, words: readonly string[], email: string | undefined): boolean {
  if (email === undefined) return false;
  const at = email.lastIndexOf('@');
  const local = (at >= 0 ? email.slice(0, at) : email).toLowerCase();
  const squashed = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  for (const chunk of local.split(/[^\p{L}\p{N}]+/u)) {
    if (chunk.length === 3 && squashed.includes(chunk)) return true;
    for (let i = 0; i + 4 <= chunk.length; i++) {
      if (squashed.includes(chunk.slice(i, i + 4))) return true;
    }
  }
  return words.some((word) => word.length >= 3 && local.includes(word));
}

const FIRST_YEAR = 1920;
const LAST_YEAR = 2025;

/**
 * A 4-digit year 1920–2025 anywhere; or a 2-digit number 10–99 that reads as an age: standing on
 * its own ("45", "mary 45"), or stuck to a name or gender word ("jane82", "mum45"). "rugbyfan33"
 * is fine: a number stuck to a hobby word says nothing about the person.
 */
function hasAgeOrYear(lower: string, names: ReadonlySet<string> | undefined): boolean {
  const runs = lower.match(/\p{L}+|\d+|[^\p{L}\d]+/gu) ?? [];
  return runs.some((run, i) => {
    if (!/^\d+$/.test(run)) return false;
    const n = Number(run);
    if (run.length === 4) return n >= FIRST_YEAR && n <= LAST_YEAR;
    if (run.length !== 2 || n < 10) return false;
    const attached = [runs[i - 1], runs[i + 1]].filter(
      (next): next is string => next !== undefined && /^\p{L}/u.test(next),
    );
    if (attached.length === 0) return true;
    return attached.some(
      (word) =>
        word === 'age' ||
        word === 'aged' ||
        isGenderWord(fold(word)) ||
        (names !== undefined && nameLike(fold(word), names)),
    );
  });
}
