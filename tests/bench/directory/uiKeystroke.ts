// The keystroke end to end in the real picker: "New story" → Services step → "Find a service",
// typed by Playwright key by key; the page probe times keydown → listbox updated → next frame.

import type { Page } from 'playwright-core';
import { passLock } from '../stories/session.ts';
import type { Keystroke } from './pageProbe.ts';
import { probe } from './probeBundle.ts';

export type UiKeystrokes = { ok: true; strokes: Keystroke[] } | { ok: false; note: string };

const FIND_TIMEOUT_MS = 10_000;

/** Opens a new story at its Services step; false when the picker is not there. */
async function openPicker(page: Page, appUrl: string): Promise<boolean> {
  await page.goto(appUrl);
  await passLock(page);
  await page.getByRole('button', { name: 'New story' }).click({ timeout: FIND_TIMEOUT_MS });
  const field = page.getByRole('combobox', { name: 'Find a service' });
  for (let step = 0; step < 4; step++) {
    if (await field.isVisible()) return true;
    await page.getByRole('button', { name: 'Next' }).click({ timeout: FIND_TIMEOUT_MS });
  }
  return field.isVisible();
}

export async function timeUiKeystrokes(
  page: Page,
  appUrl: string,
  queries: readonly string[],
): Promise<UiKeystrokes> {
  try {
    if (!(await openPicker(page, appUrl)))
      return { ok: false, note: 'no "Find a service" field on the Services step' };
  } catch (error) {
    return { ok: false, note: `the picker could not be opened: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!(await probe(page, 'installKeystrokeProbe'))) return { ok: false, note: 'the picker has no listbox' };
  const field = page.getByRole('combobox', { name: 'Find a service' });
  const strokes: Keystroke[] = [];
  for (const query of queries) {
    await field.fill('');
    await field.focus();
    for (const char of query) {
      await page.keyboard.type(char);
      // Each key's measurement completes at the frame after it; wait for it before the next key.
      strokes.push(...(await waitForStroke(page)));
    }
  }
  return { ok: true, strokes };
}

async function waitForStroke(page: Page): Promise<Keystroke[]> {
  for (;;) {
    const taken = await probe(page, 'takeKeystrokes');
    if (taken.length > 0) return taken;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}
