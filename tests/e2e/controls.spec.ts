// The WebKit suite finds controls with its own in-page locator (WebDriver has no role locator);
// here, in Chromium, it must pick the same element as Playwright's getByRole for every control of
// the shared table that a screen shows — so both suites mean the same thing by a role and a name.
import type { Page } from '@playwright/test';
import { CONTROLS, locate, toWire } from '../tools/controls.ts';
import { findInPage } from '../webkit/findInPage.ts';
import { expect, test } from './fixtures.ts';
import { next, startStory } from './storyJourney.ts';

const FIND = `(${findInPage.toString()})`;

async function sameAsPlaywright(page: Page, where: string): Promise<number> {
  let compared = 0;
  for (const [key, c] of Object.entries(CONTROLS)) {
    const located = locate(page, c);
    if ((await located.count()) === 0) {
      const found = await page.evaluate(
        `var __name = (f) => f; ${FIND}(${JSON.stringify(toWire(c))}).length`,
      );
      expect(found, `${where}: ${key} is not shown, yet the WebKit locator finds it`).toBe(0);
      continue;
    }
    const same = await located.first().evaluate(
      (el, [source, wire]) =>
        // biome-ignore lint/security/noGlobalEval: the locator's own source, sent as the WebKit suite sends it
        globalThis.eval(`var __name = (f) => f; ${source}`)(JSON.parse(wire))[0] === el,
      [FIND, JSON.stringify(toWire(c))] as const,
    );
    expect(same, `${where}: ${key}`).toBe(true);
    compared++;
  }
  return compared;
}

test("the WebKit suite's role locator finds what getByRole finds, screen by screen", async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await expect(locate(page, CONTROLS.newStory)).toBeVisible();
  let compared = await sameAsPlaywright(page, 'Home');
  await startStory(page);
  await next(page, 'The story');
  compared += await sameAsPlaywright(page, 'The story');
  await locate(page, CONTROLS.title).fill('A title');
  await next(page, 'Services');
  await next(page, 'About the storyteller');
  compared += await sameAsPlaywright(page, 'About the storyteller');
  await next(page, 'Check and finish');
  compared += await sameAsPlaywright(page, 'Check and finish');
  expect(compared).toBeGreaterThan(15);
});
