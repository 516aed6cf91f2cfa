// Accessibility on an iPad, screen by screen: each test reaches its screen's states once and runs the
// matrix there (a11yMatrix.ts: a covering array of orientation, theme, 100%/200% text and language; axe's WCAG
// A/AA rules with 0 violations, touch targets, nothing sideways at 200%), in every language the
// "Language / Iaith" setting offers. Within a language, screens and steps are reached by address and by
// position (the step indicator, Enter in a form), not by words, so Welsh is covered as it lands.
import type { Page } from '@playwright/test';
import { startAppServer } from '../tools/appServer.ts';
import { chooseLanguage, expectAccessibleEverywhere, languagesOffered } from './a11yMatrix.ts';
import { DIST, PIN } from './fixtures.ts';
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
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Delete story' })).toBeVisible();
  await expectAccessibleEverywhere(page, 'Home (a draft, delete asked)');
});

test('Home with nowhere to send stories, then with an enrolment link waiting (issue 24.9)', async ({
  page,
}) => {
  const app = await startAppServer({ root: DIST, appConfig: false });
  try {
    await page.goto(app.url);
    const fix = page.locator('.note-warn a[href="/settings#delivery"]');
    await expect(fix).toBeVisible({ timeout: 45_000 }); // after the PIN is set
    await inEveryLanguage(page, app.url, async () => {
      await navigate(page, app.url);
      await expect(fix).toBeVisible();
      await expectAccessibleEverywhere(page, 'Home (nowhere to send)');
    });
    await page.goto(`${app.url}/#enrol=${encodeURIComponent('https://relay.example.org')},KX7P-2QRM`);
    await page.reload(); // a change of the hash alone does not load the app again
    const offer = page.locator('.note a[href="/settings#relay"]');
    await expect(offer).toBeVisible({ timeout: 45_000 }); // after the unlock
    await inEveryLanguage(page, app.url, async () => {
      await navigate(page, app.url);
      await expect(offer).toBeVisible();
      await expectAccessibleEverywhere(page, 'Home (an enrolment link waiting)');
    });
  } finally {
    await app.close();
  }
});

test('Home after the long idle: "Still …?" with "Carry on" and "Start afresh"', async ({ page, app }) => {
  await page.clock.install({ time: new Date(2026, 2, 2, 9, 0) }); // 09:00: no midnight within the test
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByLabel('Your name').fill('Sam');
  await page.getByLabel('Your role').fill('Staff Nurse');
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.clock.fastForward(2 * 60 * 60_000 + 60_000); // the fixture types the PIN again
  await expect(page.getByRole('button', { name: 'Carry on', exact: true })).toBeVisible();
  await inEveryLanguage(page, app.url, async () => {
    await navigate(page, app.url);
    await expect(page.getByRole('button', { name: /Carry on|Parhau/ })).toBeVisible();
    await expectAccessibleEverywhere(page, 'Home (Still …?)');
  });
});

test('Error summaries (Start collecting, Settings) and the story header with its steps open', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}/session`);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectAccessibleEverywhere(page, 'Start collecting (an error summary)');
  await page.goto(`${app.url}/settings`);
  await page.getByLabel('API address').fill('https://relay.damson-example.org/api/v2');
  await page.getByLabel('Organisation postcode').fill('not a postcode');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expectAccessibleEverywhere(page, 'Settings (an error summary)');
  await page.getByRole('link', { name: 'Home' }).click();
  await startStory(page);
  await page.getByRole('button', { name: '1 of 5 · Introduce' }).click();
  await expect(page.getByRole('button', { name: 'Check and finish', exact: true })).toBeVisible();
  await expectAccessibleEverywhere(page, 'Story (the list of steps open)');
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
    // The step in the header ("2 of 5 · The story") opens the list of steps.
    const toggle = page.locator('.step-toggle');
    const steps = page.locator('#story-steps button');
    await expect(toggle).toBeVisible();
    const count = await steps.count();
    expect(count).toBeGreaterThanOrEqual(5);
    for (let index = 0; index < count; index++) {
      await toggle.click();
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
  // Right after sending: the closing words ("Read this out") and the storyteller's card, kept in
  // memory only (gone once the screen is left), so in the language the story was told in.
  await expect(page.locator('.closing-words')).toBeVisible();
  await expect(page.locator('.storyteller-card')).toBeVisible();
  await expectAccessibleEverywhere(page, 'Closing words and the card');
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

test('Hand-over mode: its steps after Introduce, and Next waiting for "Who is telling the story"', async ({
  page,
  app,
}) => {
  test.setTimeout(480_000); // each state's clicks keep the idle lock away
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What happened').fill('Body');
  const story = await storedStoryUrl(page);
  const nav = page.locator('.step-nav');
  let asked = false;
  await inEveryLanguage(page, app.url, async () => {
    await navigate(page, story);
    await page.locator('#hand-to-storyteller').click();
    await expect(page.locator('.handover-header')).toBeVisible();
    // Handed over on the story step (question 2 of 4), then every later step by Next.
    for (let shown = 2; shown <= 4; shown++) {
      await expect(page.locator('.handover-progress')).toContainText(String(shown));
      const choice = page.locator('input[type="radio"][name="author-role"]');
      if ((await choice.count()) > 0 && !asked) {
        asked = true; // the first language sees Next's error; the choice is kept after that
        await nav.locator('.button-primary').click();
        await expect(page.locator('#author-role-error')).toBeVisible();
        await expectAccessibleEverywhere(page, 'Hand-over: who is telling the story, not chosen');
        await choice.nth(1).check();
      } else await expectAccessibleEverywhere(page, `Hand-over: question ${shown} of 4`);
      if (shown < 4) await nav.locator('.button-primary').click();
    }
    // Staff take it back on the story step, where the next language starts.
    await page.locator('.handover-header button').first().click();
    await page.locator('.give-back input').fill(PIN);
    await page.locator('.give-back input').press('Enter');
    await expect(page.locator('.handover-header')).toHaveCount(0);
    await page.locator('nav.steps .step-toggle').click(); // the list of steps opens from the header
    await page.locator('nav.steps .step').nth(1).click();
  });
});
