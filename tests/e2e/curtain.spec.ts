// The curtain (issue 13 §3): when the page is hidden or left, the story leaves the screen inside the
// same event — before iPadOS can take its app-switcher snapshot — and comes back on return. Not on
// blur (Split View). The page's visibility is simulated: headless Chromium never hides a page.
import type { Page } from '@playwright/test';
import { expect, PIN, test } from './fixtures.ts';
import { next, startStory } from './storyJourney.ts';

const TITLE = 'Marigold corridor evening';
const BODY = 'Nurse Quillinan explained the scan twice';

/** Runs `event` in the page and, in the same task, counts where the story can still be seen. */
function visibleAfter(page: Page, event: 'hidden' | 'pagehide' | 'blur' | 'none'): Promise<number> {
  return page.evaluate(
    ({ event, secrets }) => {
      if (event === 'hidden') {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new Event('visibilitychange'));
      } else if (event === 'pagehide')
        window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      else if (event === 'blur') window.dispatchEvent(new FocusEvent('blur'));
      const fields = [
        ...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
      ];
      const shownFields = fields.filter(
        (f) => secrets.some((s) => f.value.includes(s)) && f.checkVisibility(),
      );
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is the point, not the DOM's text
      const shownText = secrets.filter((s) => document.body.innerText.includes(s));
      return shownFields.length + shownText.length;
    },
    { event, secrets: [TITLE, BODY] },
  );
}

async function comeBack(page: Page, event: 'visibilitychange' | 'pageshow'): Promise<void> {
  await page.evaluate((event) => {
    // The real values again (the page was never really hidden).
    Reflect.deleteProperty(document, 'visibilityState');
    Reflect.deleteProperty(document, 'hidden');
    if (event === 'pageshow') window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    else document.dispatchEvent(new Event('visibilitychange'));
  }, event);
}

test('hidden or left: the story is gone from the screen at once, and back on return; not on blur', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What would you call this story').fill(TITLE);
  await page.getByLabel('What happened').fill(BODY);
  const title = page.getByLabel('What would you call this story');

  // The two fields, and the story's first words offered as its title ("Use “…” as the title").
  expect(await visibleAfter(page, 'none')).toBe(3);
  expect(await visibleAfter(page, 'blur')).toBe(3);

  expect(await visibleAfter(page, 'hidden')).toBe(0);
  await expect(page.getByText('Story Collector', { exact: true })).toBeAttached();
  await comeBack(page, 'visibilitychange');
  await expect(title).toBeVisible();
  await expect(title).toHaveValue(TITLE);

  expect(await visibleAfter(page, 'pagehide')).toBe(0);
  await comeBack(page, 'pageshow');
  await expect(title).toBeVisible();
  await expect(page.getByLabel('What happened')).toHaveValue(BODY);
});

test.describe('with the Lock screen left to the test', () => {
  test.use({ autoUnlock: false });

  test('back after more than a minute hidden: the Lock screen shows, not the story', async ({
    page,
    app,
  }) => {
    await page.clock.install();
    await page.goto(app.url);
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('Confirm PIN').fill(PIN);
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('button', { name: 'I have saved the code' }).click();
    await startStory(page);
    await next(page, 'The story');
    await page.getByLabel('What would you call this story').fill(TITLE);
    expect(await visibleAfter(page, 'hidden')).toBe(0);
    await page.clock.fastForward(61_000);
    await page.evaluate(() => {
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await expect(page.getByRole('heading', { name: 'Story Collector is locked' })).toBeVisible();
    expect(await visibleAfter(page, 'none')).toBe(0);
  });
});
