// How this iPad shows the app: language, theme and text size. Not personal and needed before an
// unlock (the Lock screen is shown in them), so kept in plain text beside the sealed settings.
// Read without zod: this module is in the first download, and zod and the schemas are not.
import { isLanguage, type Language } from '../words/language.ts';

export const TEXT_SIZES = [100, 125, 150, 200] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export type Display = {
  language: Language;
  theme: (typeof THEMES)[number];
  textSize: (typeof TEXT_SIZES)[number];
};

export const DEFAULT_DISPLAY: Display = { language: 'en-GB', theme: 'system', textSize: 100 };

const oneOf = <T>(allowed: readonly T[], value: unknown, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Reads a stored record leniently: a damaged or unknown field falls back to its default. */
export function readDisplay(raw: unknown): Display {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    language: isLanguage(source.language) ? source.language : DEFAULT_DISPLAY.language,
    theme: oneOf(THEMES, source.theme, DEFAULT_DISPLAY.theme),
    textSize: oneOf(TEXT_SIZES, source.textSize, DEFAULT_DISPLAY.textSize),
  };
}
