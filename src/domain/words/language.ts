// The interface languages and how each formats numbers, dates and plurals (Intl: Welsh has six
// plural forms — zero, one, two, few, many, other — so a message never builds a plural by adding "s").
export const LANGUAGES = ['en-GB', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Every form a language may need; `other` is always there, the rest where the language uses them. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type Format = {
  language: Language;
  number(n: number): string;
  /** A date as the language writes it ("1 December 2026", "1 Rhagfyr 2026"). */
  date(ms: number): string;
  /** A time of day ("10:42"). */
  time(ms: number): string;
  /** The form for `n`, with `{n}` replaced by the formatted number. */
  plural(n: number, forms: PluralForms): string;
};

export function formatFor(language: Language): Format {
  const numbers = new Intl.NumberFormat(language);
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' });
  const times = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' });
  const rules = new Intl.PluralRules(language);
  return {
    language,
    number: (n) => numbers.format(n),
    date: (ms) => dates.format(ms),
    time: (ms) => times.format(ms),
    plural: (n, forms) => (forms[rules.select(n)] ?? forms.other).replaceAll('{n}', numbers.format(n)),
  };
}
