// The accessibility matrix every screen is checked in: iPad portrait (820×1180) and landscape
// (1180×820), light and dark, text at 100% and 200% — axe with the WCAG 2.0/2.1/2.2 A and AA rules
// (0 violations of any impact), 44 px touch targets, and nothing scrolling sideways or cut off (at 200%
// also on a 768 px wide screen). Each variant is applied to <html> exactly as src/app/settings/display.ts applies
// the display setting, so one page load covers them all; the language is chosen through Settings.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

type Variant = { width: number; height: number; theme: 'light' | 'dark'; textSize: 100 | 200; axe: boolean };

const PORTRAIT = { width: 820, height: 1180 };
const LANDSCAPE = { width: 1180, height: 820 };

/**
 * Axe in a covering array over orientation × theme × text size × language: every pair of values of
 * any two of them is checked on every screen (5 axe runs per state instead of 16 for the full product,
 * which made the suite too slow to run on every change), and layout alone on a 768 px wide screen at
 * 200% in each language.
 */
const COVERING: Record<string, Variant[]> = {
  'en-GB': [
    { ...PORTRAIT, theme: 'light', textSize: 100, axe: true },
    { ...LANDSCAPE, theme: 'dark', textSize: 200, axe: true },
    { width: 768, height: 1024, theme: 'light', textSize: 200, axe: false },
  ],
  cy: [
    { ...PORTRAIT, theme: 'dark', textSize: 200, axe: true },
    { ...LANDSCAPE, theme: 'light', textSize: 200, axe: true },
    { ...LANDSCAPE, theme: 'dark', textSize: 100, axe: true },
    { width: 768, height: 1024, theme: 'dark', textSize: 200, axe: false },
  ],
};

/** The variants checked in `lang` (an unknown language gets every variant of both). */
export function variantsFor(lang: string | null): Variant[] {
  return COVERING[lang ?? ''] ?? Object.values(COVERING).flat();
}

/**
 * The languages Settings → "Language / Iaith" offers, read from its radio buttons once the group shows
 * (counting before Settings has drawn would find none and silently check English only).
 */
export async function languagesOffered(page: Page): Promise<{ name: string; lang: string }[]> {
  const group = page.getByRole('group', { name: 'Language / Iaith' });
  await expect(group).toBeVisible();
  const names = await group
    .getByRole('radio')
    .evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent?.trim() ?? ''));
  const langs: Record<string, string> = { English: 'en-GB', Cymraeg: 'cy' };
  return names.map((name) => ({ name, lang: langs[name] ?? name }));
}

/**
 * Chooses a language in Settings and waits for it to apply. The radio is waited for: straight after an
 * unlock, Settings may not have drawn yet (a count taken then was 0, and the test waited for a control
 * that does not exist until its timeout).
 */
export async function chooseLanguage(page: Page, language: { name: string; lang: string }): Promise<void> {
  await page.getByRole('radio', { name: language.name, exact: true }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
}

async function axeProblems(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .options({ resultTypes: ['violations'] }) // only what fails: several times quicker
    .analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

async function layoutProblems(page: Page, where: string): Promise<string[]> {
  const layout = await page.evaluate(() => {
    const out: string[] = [];
    const scroller = document.scrollingElement ?? document.documentElement;
    if (scroller.scrollWidth > scroller.clientWidth) {
      out.push(`scrolls sideways: ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility() || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > scroller.clientWidth + 1 || r.left < -1) {
        out.push(`off screen: ${el.outerHTML.slice(0, 60)} ${Math.round(r.left)}–${Math.round(r.right)}`);
      }
      const clips = getComputedStyle(el).overflowX !== 'visible';
      if (clips && el.scrollWidth > el.clientWidth + 1 && !el.matches('input, textarea, select')) {
        out.push(`cut off: ${el.outerHTML.slice(0, 60)}`);
      }
    }
    for (const el of document.querySelectorAll('button, input, select, textarea, summary, [role="option"]')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      // A checkbox or radio button is touched through its whole label.
      const box =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? (el.closest('label') ?? el)
          : el;
      const r = box.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) out.push(`small target: ${el.outerHTML.slice(0, 60)}`);
    }
    return out;
  });
  return layout.map((line) => `${where}: ${line}`);
}

/** Runs the whole matrix on what the page shows now; returns to the first variant's size afterwards. */
export async function expectAccessibleEverywhere(page: Page, where: string): Promise<void> {
  const problems: string[] = [];
  const shown = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  const lang = await page.locator('html').getAttribute('lang');
  for (const variant of variantsFor(lang)) {
    await page.setViewportSize({ width: variant.width, height: variant.height });
    await page.evaluate(({ theme, textSize }) => {
      document.documentElement.dataset.theme = theme;
      document.documentElement.dataset.textSize = String(textSize);
    }, variant);
    const name = `${where} [${lang} ${variant.width}×${variant.height} ${variant.theme} ${variant.textSize}%]`;
    problems.push(...(await layoutProblems(page, name)));
    if (variant.axe) problems.push(...(await axeProblems(page, name)));
  }
  await page.evaluate(({ theme, textSize }) => {
    document.documentElement.dataset.theme = theme ?? 'system';
    document.documentElement.dataset.textSize = textSize ?? '100';
  }, shown);
  await page.setViewportSize({ width: 820, height: 1180 });
  expect(problems).toEqual([]);
}
