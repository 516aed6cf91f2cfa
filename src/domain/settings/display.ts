// How this iPad shows the app: language, theme and text size. Not personal and needed before an
// unlock (the Lock screen is shown in them), so kept in plain text beside the sealed settings.
import * as z from 'zod/mini';
import { LANGUAGES } from '../words/language.ts';

export const TEXT_SIZES = [100, 125, 150, 200] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const DisplaySchema = z.object({
  language: z._default(z.enum(LANGUAGES), 'en-GB'),
  theme: z._default(z.enum(THEMES), 'system'),
  textSize: z._default(z.union(TEXT_SIZES.map((n) => z.literal(n))), 100),
});
export type Display = z.infer<typeof DisplaySchema>;

export const DEFAULT_DISPLAY: Display = DisplaySchema.parse({});

/** Reads a stored record leniently: a damaged or unknown field falls back to its default. */
export function readDisplay(raw: unknown): Display {
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(DisplaySchema.def.shape)) {
    const one = field.safeParse(source[name]);
    out[name] = one.success ? one.data : (DEFAULT_DISPLAY as Record<string, unknown>)[name];
  }
  return out as Display;
}
