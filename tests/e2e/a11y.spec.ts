// Accessibility on an iPad, screen by screen: each test reaches its screen's states once and runs the
// matrix there (a11yMatrix.ts: a covering array of orientation, theme, 100%/200% text and language; axe's WCAG
// A/AA rules with 0 violations, touch targets, nothing sideways at 200%), in every language the
// "Language / Iaith" setting offers. Within a language, screens and steps are reached by address and by
// position (the step indicator, Enter in a form), not by words, so Welsh is covered as it lands.
import type { Page } from '@playwright/test';
import { chooseLanguage, expectAccessibleEverywhere, languagesOffered } from './a11yMatrix.ts';
import { PIN } from './fixtures.ts';
import { expect, expectSent, tell, test } from './sendFixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  next,
  startStory,
  storedStoryUrl,
  waitForDirectory,
} from './storyJourney.ts';

// Seven variants per state, five with an axe run (a second or two each, more on a busy machine);
// under the 5 minutes after which the idle lock would take the page away.
test.describe.configure({ timeout: 240_000 });

/**
 * Moves within the app without reloading it: a reload locks, and the fixture unlocks only a Lock
 * screen in English (its "Unlock" button).
 */
async function navigate(page: Page, url: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

async function openSettings(page: Page, origin: string): Promise<void> {
  await navigate(page, `${origin}/settings`);
  await expect(page.locator('main[aria-labelledby="settings-title"]')).toBeVisible();
}

/** Each language in turn, chosen in Settings: `visit` shows the screen's states and checks them. */
async function inEveryLanguage(page: Page, origin: string, visit: () => Promise<void>): Promise<void> {
  await openSettings(page, origin);
  const languages = await languagesOffered(page);
  for (const language of languages) {
    await openSettings(page, origin);
    if (languages.length > 1) await chooseLanguage(page, language);
    await visit();
  }
  if (languages.length > 1 && languages[0]) {
    await openSettings(page, origin);
    await chooseLanguage(page, languages[0]);
  }
}

async function unlock(page: Page): Promise<void> {
  const pin = page.locator('input[type="password"][inputmode="numeric"]');
  await expect(pin).toHaveCount(1);
  await pin.fill(PIN);
  await pin.press('Enter'); // the form's own button, whatever its words
  await expect(pin).toHaveCount(0);
}

test.describe('with the Lock screen left to the test', () => {
  test.use({ autoUnlock: false });

  test('Lock screens: setting a PIN, the recovery code, unlocking', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: 'Set PIN' })).toBeVisible();
    await expectAccessibleEverywhere(page, 'Set PIN');
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('Confirm PIN').fill(PIN);
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await expect(page.getByRole('button', { name: 'I have saved the code' })).toBeVisible();
    await expectAccessibleEverywhere(page, 'Recovery code');
    await page.getByRole('button', { name: 'I have saved the code' }).click();
    await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
    await page.goto(`${app.url}/settings`); // every load locks
    await unlock(page);
    await expect(page.locator('main[aria-labelledby="settings-title"]')).toBeVisible();
    for (const language of await languagesOffered(page)) {
      if (language.lang !== 'en-GB') await chooseLanguage(page, language);
      await page.reload();
      await expect(page.locator('input[type="password"][inputmode="numeric"]')).toHaveCount(1);
      await expectAccessibleEverywhere(page, 'Unlock');
      await unlock(page);
    }
  });
});

test('Home, Settings and Start collecting', async ({ page, app }) => {
  await waitForDirectory(page, app.url);
  await inEveryLanguage(page, app.url, async () => {
    await expectAccessibleEverywhere(page, 'Settings');
    await navigate(page, app.url);
    await expect(page.locator('main h1')).toBeVisible();
    await expectAccessibleEverywhere(page, 'Home (empty)');
  });
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByLabel('Your name').fill('Sam');
  await chooseStMarys(page);
  await expectAccessibleEverywhere(page, 'Start collecting');
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'Home (a session)');
  await startStory(page);
  await next(page, 'The story');
  await next(page, 'Services');
  await expect(page.getByRole('button', { name: "Add St Mary's Hospital" })).toBeVisible();
  await expectAccessibleEverywhere(page, 'Services (the session’s)');
  // The first answer stores the story (a story with no answer is never kept): a draft to withdraw.
  await page.getByRole('button', { name: "Add St Mary's Hospital" }).click();
  await expect(page.getByText('Saved on this device')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Withdraw' }).click();
  await expect(page.getByRole('button', { name: 'Delete story' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'Home (a draft, withdraw asked)');
});

test('Story: every step, with search results, warnings and what is missing', async ({ page, app }) => {
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  // No narrative: the read-back says the answers are the story. A theme of the story's own: its field shows.
  await fillStory(page, { title: 'Title', body: '', good: 'Good', different: 'Different' });
  await page.getByRole('radio', { name: 'Another theme' }).check();
  await page.getByLabel('Theme for this story').fill('Discharge');
  const story = await storedStoryUrl(page);
  await next(page, 'Services');
  await chooseStMarys(page);
  await next(page, 'About the storyteller');
  // A username that warns, and no email: the warnings and the posted-on-behalf note show.
  await fillStoryteller(page, { username: 'janesmith1964', noEmail: true });
  await inEveryLanguage(page, app.url, async () => {
    await navigate(page, story);
    const steps = page.getByRole('navigation').getByRole('button');
    await expect(steps.first()).toBeVisible();
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let index = 0; index < count; index++) {
      await steps.nth(index).click();
      await expect(steps.nth(index)).toHaveAttribute('aria-current', 'step');
      const where = `Step ${index + 1}`;
      const search = page.locator('[role="combobox"][aria-autocomplete="list"]');
      if ((await search.count()) > 0) {
        await search.fill('st marys');
        await expect(page.getByRole('option').first()).toBeVisible();
        await expectAccessibleEverywhere(page, `${where} (search results)`);
        await search.fill('');
      }
      // "Why do we ask?" notes open.
      const closed = page.locator('details:not([open]) > summary');
      while ((await closed.count()) > 0) await closed.first().click();
      await expectAccessibleEverywhere(page, where);
    }
  });
});

test('A story queued, then sent; Home with a sent story', async ({ page, app }) => {
  await waitForDirectory(page, app.url);
  await tell(page, 'Sent story', 'Sent');
  const story = page.url();
  await page.goto(app.url);
  await expectSent(page, 'Sent story');
  await inEveryLanguage(page, app.url, async () => {
    await navigate(page, story);
    await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
    await expectAccessibleEverywhere(page, 'The story after sending');
    await navigate(page, app.url);
    await expect(page.getByRole('listitem').first()).toBeVisible();
    await expectAccessibleEverywhere(page, 'Home (a story sent or waiting)');
  });
});
