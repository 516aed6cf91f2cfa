// One normal form for service names and what people type, so "St Mary's" and "st marys" meet,
// and "Thérèse" is found by "therese". Used for the stored search key and for every query.

// Apostrophes join a word ("Mary's" → "marys") rather than split it. The acute accent U+00B4 is
// here because NFKD would turn it into a space plus a combining mark, splitting the word.
const APOSTROPHES = /['\u2018\u2019\u201B\u02BC\u02B9\u0060\u00B4\u2032\uFF07]/g;
const COMBINING_MARKS = /\p{M}/gu;
// Letters NFKD leaves alone but a person with an English keyboard types as plain letters.
const FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const FOLDABLE = /[ßæœøłđðþı]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Lower case, no accents, apostrophes dropped, `&` read as "and", any other punctuation a space,
 * single spaces, trimmed. `&` becomes "and" so that "Ear, Nose & Throat" is found both by
 * "ear nose throat" (every query word is still a prefix of a name word) and by
 * "ear nose and throat", and an exact typed name still ranks as exact.
 */
export function normalise(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  return text
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase() // again: NFKD can yield capitals (U+210C black-letter H → "H")
    .replace(APOSTROPHES, '')
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c)
    .replace(/&/g, ' and ')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** The words of a normalised text (empty for a blank one). */
export function wordsOf(normalised: string): string[] {
  return normalised === '' ? [] : normalised.split(' ');
}
