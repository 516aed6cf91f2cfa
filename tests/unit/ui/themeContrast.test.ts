// The theme's colours (CSS custom properties in src/ui/styles.css) meet WCAG contrast in light and
// dark: text 4.5:1 (1.4.3), borders, focus ring and control boundaries 3:1 (1.4.11), each against
// the backgrounds it is drawn on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CSS = readFileSync(new URL('../../../src/ui/styles.css', import.meta.url), 'utf8');

type Tokens = Record<string, string>;

/** The custom properties declared in the first block opened by `selector`. */
function tokensOf(css: string, selector: string, from = 0): Tokens {
  const start = css.indexOf(`${selector} {`, from);
  if (start < 0) throw new Error(`no block ${selector}`);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+):\s*(#[0-9a-fA-F]{6});/g)].map((m) => [m[1], m[2]]));
}

const THEMES: Record<string, Tokens> = {
  light: tokensOf(CSS, ':root'),
  dark: tokensOf(CSS, ':root[data-theme="dark"]'),
};
const SYSTEM_DARK = tokensOf(CSS, ':root[data-theme="system"]', CSS.indexOf('(prefers-color-scheme: dark)'));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, backgrounds it is drawn on] — as styles.css uses them. */
const TEXT: [string, string[]][] = [
  ['--ink', ['--bg', '--surface', '--info-bg', '--script-bg', '--ok-bg', '--warn-bg', '--error-bg']],
  ['--muted', ['--bg', '--surface', '--script-bg']],
  ['--accent', ['--bg', '--surface', '--info-bg', '--warn-bg']],
  ['--on-accent', ['--accent', '--accent-strong']],
  ['--ok', ['--bg', '--surface', '--ok-bg']],
  ['--warn', ['--bg', '--surface', '--warn-bg']],
  ['--error', ['--bg', '--surface', '--error-bg']],
  ['--on-error', ['--error']],
];
/** Borders (cards, fields, buttons), the focus ring and an invalid field's border. */
const NON_TEXT: [string, string[]][] = [
  ['--line', ['--bg', '--surface']],
  ['--accent', ['--bg', '--surface']],
  ['--focus', ['--bg', '--surface', '--info-bg']],
  ['--error', ['--surface']],
];

function failures(tokens: Tokens, pairs: [string, string[]][], minimum: number): string[] {
  return pairs.flatMap(([fore, backs]) =>
    backs.flatMap((back) => {
      const a = tokens[fore];
      const b = tokens[back];
      if (!a || !b) return [`${fore} or ${back} is not a colour token`];
      const ratio = contrast(a, b);
      return ratio >= minimum ? [] : [`${fore} on ${back}: ${ratio.toFixed(2)}:1`];
    }),
  );
}

describe('theme contrast', () => {
  for (const [name, tokens] of Object.entries(THEMES)) {
    it(`${name}: text is at least 4.5:1 on its backgrounds`, () => {
      expect(failures(tokens, TEXT, 4.5)).toEqual([]);
    });
    it(`${name}: borders, focus ring and control boundaries are at least 3:1`, () => {
      expect(failures(tokens, NON_TEXT, 3)).toEqual([]);
    });
  }

  it('light and dark define the same tokens, and "following the system" in the dark is the dark theme', () => {
    expect(Object.keys(THEMES.dark ?? {}).sort()).toEqual(Object.keys(THEMES.light ?? {}).sort());
    expect(SYSTEM_DARK).toEqual(THEMES.dark);
  });

  it('every colour outside the print sheet is a token (no colour written into a rule)', () => {
    const rules = CSS.slice(CSS.indexOf('* {'), CSS.indexOf('@media print'));
    expect(rules.match(/#[0-9a-fA-F]{3,6}\b|rgba?\(/g) ?? []).toEqual([]);
  });

  it('the contrast maths matches WCAG’s reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
