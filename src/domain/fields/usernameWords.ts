// Word lists and word matching for the username rules in username.ts: English lists and Welsh ones
// beside them, both always checked (a storyteller may type either, whatever the app's language).
// Short words must match a whole word ("man" is not in "manchester"); longer ones may sit inside one.
// Welsh words are written without accents: typed words are folded first ("gŵr" → "gwr").

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

/** Welsh gender and family words (north and south: nain/mamgu, taid/tadcu, hogyn/crwt …). */
export const WELSH_GENDER_WORDS: ReadonlySet<string> = wordSet(`
  mam tad nain taid mamgu tadcu dadcu merch merched bachgen bechgyn hogyn hogan geneth crwt
  croten dyn dynion menyw menywod gwraig gwragedd gwr mab brawd chwaer modryb ewythr wncwl
`);

/** Welsh feelings (happy, sad, angry, afraid, worried, grateful, proud, disappointed, love …). */
export const WELSH_EMOTION_WORDS: ReadonlySet<string> = wordSet(`
  hapus anhapus trist tristwch blin crac grac ofnus ofn pryderus nerfus llon llawen diolchgar balch
  siomedig digalon diflas gofidus cynddeiriog bodlon anfodlon cariad casineb hiraeth
`);

/**
 * Welsh swear words Care Opinion would not publish. Deliberately short and conservative: only words
 * whose offensive meaning is certain (shit, bastard, the Welsh spellings of the f-word, cunt); mild
 * ones (diawl, uffern) and words with everyday meanings are left out. The English are obscenity's.
 */
export const WELSH_OFFENSIVE_WORDS: ReadonlySet<string> = wordSet(`
  cachu bastad basdad ffycin ffwcin ffwcio ffwc cont
`);

const INSIDE_MIN = 5;
// Long enough to search inside other words, but found inside harmless ones too
// ("grandmaster", "secretagents", "related", "contents", "bitterne"; Welsh "dydd mercher", "tristan").
const WHOLE_WORD_ONLY: ReadonlySet<string> = new Set([
  'grandma',
  'gents',
  'elated',
  'content',
  'bitter',
  'merch',
  'trist',
]);

/** Whether the word is, or (for words of 5+ letters) contains, a word from the list. */
export function hasWord(word: string, list: ReadonlySet<string>): boolean {
  if (list.has(word)) return true;
  for (const entry of list) {
    if (entry.length >= INSIDE_MIN && !WHOLE_WORD_ONLY.has(entry) && word.includes(entry)) return true;
  }
  return false;
}

/** Lower case without accents ("Siân" → "sian", "gŵr" → "gwr"), as the lists are written. */
export function fold(value: string): string {
  return value.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** Folded letter runs, also split where camelCase changes ("HappyBob" → happy, bob). */
export function splitWords(value: string): string[] {
  const spaced = value.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
  return fold(spaced)
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
