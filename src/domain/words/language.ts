// The interface languages and how each formats numbers, dates, lists, percentages, durations and
// plurals, all with Intl (Welsh has six plural forms — zero, one, two, few, many, other — so a message
// never builds a plural by adding "s").
export const LANGUAGES = ['en-GB', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Every form a language may need; `other` is always there, the rest where the language uses them. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

/**
 * The app's date and time shapes: `date` "1 December 2026" / "1 Rhagfyr 2026"; `time` "10:42";
 * `dayTime` "1 Dec, 10:42" / "1 Rhag, 10:42" (a row, a receipt, the next try); `stamp`
 * "01/12/2026, 10:42:07" / "1/12/2026, 10:42:07" (the printed consent, to the second).
 */
export type DateStyle = 'date' | 'time' | 'dayTime' | 'stamp';

const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
  dayTime: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  stamp: {
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  },
};

// A browser without a language's data (Chromium has none for Welsh dates) falls back to en-GB's
// day-first, 24-hour shapes rather than to en-US's.
const withFallback = (language: Language): string[] => [language, 'en-GB'];

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The one date formatter: `ms` in the device's time zone, as `language` writes `style`. */
export function formatDate(language: Language, style: DateStyle, ms: number): string {
  const key = `${language} ${style}`;
  let formatter = dateFormatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(withFallback(language), DATE_STYLES[style]);
    dateFormatters.set(key, formatter);
  }
  return formatter.format(ms);
}

export type DurationUnit = 'second' | 'minute' | 'hour';

export type Format = {
  language: Language;
  number(n: number): string;
  /** A date as the language writes it ("1 December 2026", "1 Rhagfyr 2026"). */
  date(ms: number): string;
  /** A time of day ("10:42"). */
  time(ms: number): string;
  /** A day and time without the year ("1 Dec, 10:42", "1 Rhag, 10:42"). */
  dayTime(ms: number): string;
  /** A date and time to the second, in figures ("01/12/2026, 10:42:07"). */
  stamp(ms: number): string;
  /** A fraction as a whole percentage (0.045 → "5%"); not a number → "0%". */
  percent(fraction: number): string;
  /** Items as a label lists them: commas, no "and" ("a, b, c"). */
  list(items: readonly string[]): string;
  /**
   * A duration in words ("2 minutes", "2 funud"). Where this browser has no number data for the
   * language (Chromium for Welsh), `fallback`'s plural forms, so a Welsh sentence never gets English units.
   */
  unit(n: number, unit: DurationUnit, fallback?: PluralForms): string;
  /** The form for `n`, with `{n}` replaced by the formatted number. */
  plural(n: number, forms: PluralForms): string;
};

/** `make()` once, on first use: Intl's constructors are slow the first time (≈ 140 ms at 4× CPU for these). */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => {
    made ??= { value: make() };
    return made.value;
  };
}

/**
 * Each Intl object is made on first use, not with the catalogue: the English catalogue is in the
 * first download, and the Lock screen needs none of them before it can take a PIN.
 */
export function formatFor(language: Language): Format {
  const numbers = once(() => new Intl.NumberFormat(language));
  const percents = once(
    () => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }),
  );
  // "unit" lists are the plain comma list in both languages; a conjunction would add "and" (and Welsh
  // "a"/"ac" — which ICU writes "a(c)" — or, without Welsh data, English "and") to a label's items.
  const lists = once(() => new Intl.ListFormat(withFallback(language), { type: 'unit', style: 'short' }));
  const rules = once(() => new Intl.PluralRules(language));
  const hasNumberWords = once(() => Intl.NumberFormat.supportedLocalesOf(language).length > 0);
  const units = new Map<DurationUnit, Intl.NumberFormat>();
  const unitFormat = (unit: DurationUnit) => {
    let formatter = units.get(unit);
    if (formatter === undefined) {
      formatter = new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' });
      units.set(unit, formatter);
    }
    return formatter;
  };
  const plural = (n: number, forms: PluralForms) =>
    (forms[rules().select(n)] ?? forms.other).replaceAll('{n}', numbers().format(n));
  return {
    language,
    number: (n) => numbers().format(n),
    date: (ms) => formatDate(language, 'date', ms),
    time: (ms) => formatDate(language, 'time', ms),
    dayTime: (ms) => formatDate(language, 'dayTime', ms),
    stamp: (ms) => formatDate(language, 'stamp', ms),
    percent: (fraction) => percents().format(Number.isFinite(fraction) ? fraction : 0),
    list: (items) => lists().format(items),
    unit: (n, unit, fallback) =>
      fallback !== undefined && !hasNumberWords() ? plural(n, fallback) : unitFormat(unit).format(n),
    plural,
  };
}
