// Word lists and word matching for the username rules in username.ts.
// Short words must match a whole word ("man" is not in "manchester"); longer ones may sit inside one.

const wordSet = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const GENDER_WORDS: ReadonlySet<string> = wordSet(`
  man men woman women male female boy boys girl girls lady ladies gent gents gentleman mum mom
  mummy mommy mother dad daddy father son daughter wife husband lad lass lassie guy gal grandma
  grandad granddad grandpa granny nan nana nanna sister brother auntie aunty uncle madam mister
  mrs miss sir bloke fella feller hubby wifey
`);

export const EMOTION_WORDS: ReadonlySet<string> = wordSet(`
  angry happy sad upset grateful furious mad glad cheerful joyful thankful unhappy miserable
  lonely scared afraid worried anxious nervous stressed frustrated annoyed fuming livid
  disappointed relieved delighted pleased content hopeful hopeless fed depressed gloomy grumpy
  fearful terrified ashamed embarrassed jealous proud blessed bitter hurt heartbroken distraught
  overjoyed ecstatic elated satisfied dissatisfied confused lost hate hateful love loving rage
  raging smiley tearful
`);

const INSIDE_MIN = 5;
// Long enough to search inside other words, but found inside harmless ones too
// ("grandmaster", "secretagents", "related", "contents", "bitterne").
const WHOLE_WORD_ONLY: ReadonlySet<string> = new Set(['grandma', 'gents', 'elated', 'content', 'bitter']);

/** Whether the word is, or (for words of 5+ letters) contains, a word from the list. */
export function hasWord(word: string, list: ReadonlySet<string>): boolean {
  if (list.has(word)) return true;
  for (const entry of list) {
    if (entry.length >= INSIDE_MIN && !WHOLE_WORD_ONLY.has(entry) && word.includes(entry)) return true;
  }
  return false;
}

/** Lower-case letter runs, also split where camelCase changes ("HappyBob" → happy, bob). */
export function splitWords(value: string): string[] {
  const spaced = value.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length > 0);
}

const PART_MIN = 3;

/** A common name, or two run together ("janesmith"); each part at least 3 letters. */
export function nameLike(word: string, names: ReadonlySet<string>): boolean {
  if (names.has(word)) return true;
  for (let cut = PART_MIN; cut <= word.length - PART_MIN; cut++) {
    if (names.has(word.slice(0, cut)) && names.has(word.slice(cut))) return true;
  }
  return false;
}
