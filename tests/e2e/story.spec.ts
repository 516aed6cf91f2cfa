// Telling a story end to end, offline after one online load: every step, "Send to Care Opinion",
// "Waiting to send", surviving a reload; no consent, no queue; markup stays text; resume where left.
import type { BrowserContext, Page } from '@playwright/test';
import { collectErrors, expect, test, waitForControl } from './fixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  giveConsent,
  MARKUP,
  next,
  saveStatus,
  startStory,
  stepHeading,
  storedStoryUrl,
  waitForDirectory,
} from './storyJourney.ts';

const STORY = {
  title: 'A night on the ward',
  body: 'I came in late at night. The nurse sat with me and explained everything.',
  good: 'Kindness at three in the morning.',
  different: 'The wait in the corridor.',
};

async function goOffline(page: Page, context: BrowserContext, url: string) {
  await waitForDirectory(page, url);
  await waitForControl(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
}

async function tellWholeStory(page: Page): Promise<void> {
  await startStory(page);
  await expect(page.getByText('We would like to hear about your experience')).toBeVisible();
  await next(page, 'The story');
  await fillStory(page, STORY);
  await expect(page.getByText(/\d+ words/)).toBeVisible();
  await next(page, 'Services');
  await chooseStMarys(page);
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'rugbyfan33' });
  await next(page, 'Check and finish');
  await giveConsent(page);
  await expect(page.getByText(STORY.title, { exact: true })).toBeVisible();
  await expect(page.getByText('s•••@e•••.org')).toBeVisible();
  await expect(page.getByText(/^NG5 •••$/)).toBeVisible();
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting to send' })).toBeVisible();
  await expect(page.getByText('Thank you for sharing your story.')).toBeVisible();
}

async function expectListedAsWaiting(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const row = page.getByRole('listitem').filter({ hasText: STORY.title });
  await expect(row).toHaveCount(1);
  await expect(row.getByText('Waiting to send', { exact: true })).toBeVisible();
  await expect(row.getByText("St Mary's Hospital")).toBeVisible();
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('offline, a whole story goes from "New story" to "Waiting to send" and survives a reload', async ({
      page,
      context,
      app,
    }) => {
      const errors = collectErrors(page);
      await page.goto(app.url);
      await goOffline(page, context, app.url);
      await tellWholeStory(page);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Waiting to send' })).toBeVisible();
      await expectListedAsWaiting(page, app.url);
      // Chromium logs every refused request (the sandbox's 429s while the directory downloads, offline
      // fetches) as a console error; those are the network's answers, not the app's errors.
      expect(
        errors.filter((e) => !/^Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e)),
      ).toEqual([]);
    });
  });
}

test('a story without consent cannot be queued: the button is disabled and consent is listed', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, STORY);
  await next(page, 'Services');
  await page.getByRole('combobox', { name: 'Find a service' }).fill('Nowhere Clinic');
  await page.getByRole('button', { name: 'Add “Nowhere Clinic” as typed' }).click();
  await expect(page.getByRole('button', { name: 'Remove Nowhere Clinic' })).toBeVisible();
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'seasidewalker', postcode: 'ng51pb' });
  await expect(page.getByLabel('Postcode')).toHaveValue('NG5 1PB');
  await next(page, 'Check and finish');
  await expect(page.getByRole('checkbox', { name: /consent/i })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Send to Care Opinion' })).toBeDisabled();
  const missing = page.getByRole('region', { name: 'Still needed before sending' });
  await expect(missing.getByRole('listitem')).toHaveCount(1);
  // Consent is given on this last step, after the read-back, right before sending.
  await missing.getByRole('link', { name: /consent/i }).click();
  await expect(page.getByRole('checkbox', { name: /consent/i })).toBeFocused();
  await giveConsent(page);
  await expect(page.getByRole('button', { name: 'Send to Care Opinion' })).toBeEnabled();
});

test('markup typed into every field shows as text, never as markup', async ({ page, app }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, { title: MARKUP, body: MARKUP, good: MARKUP, different: MARKUP });
  await page.getByRole('radio', { name: 'Another theme' }).check();
  await page.getByLabel('Theme for this story').fill(MARKUP);
  await next(page, 'Services');
  await page.getByRole('combobox', { name: 'Find a service' }).fill(MARKUP);
  await page.getByRole('button', { name: /as typed/ }).click();
  await next(page, 'About the storyteller');
  await page.getByLabel('Username').fill(MARKUP);
  await page.getByLabel('Postcode').fill(MARKUP);
  await page.getByRole('textbox', { name: 'Email address' }).fill(MARKUP);
  await next(page, 'Check and finish');
  const readBack = page.locator('.read-back');
  await expect(readBack.getByText(MARKUP, { exact: true })).toHaveCount(7);
  await expect(page.locator('main img, main b')).toHaveCount(0);
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('listitem').getByRole('link', { name: MARKUP, exact: true })).toBeVisible();
  await expect(page.locator('main img, main b')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('a draft left at step 3 resumes at step 3 after a reload, and from its title on Home', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What would you call this story').fill('Left at services');
  const url = await storedStoryUrl(page);
  await next(page, 'Services');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await page.reload();
  await expect(stepHeading(page, 'Services')).toBeVisible();
  await expect(page.locator('[aria-current="step"]')).toHaveText(/Services/);
  await page.getByRole('link', { name: 'Home' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Left at services' });
  await expect(row.getByText('Draft', { exact: true })).toBeVisible();
  await row.getByRole('link', { name: 'Left at services' }).click();
  await expect(page).toHaveURL(url);
  await expect(stepHeading(page, 'Services')).toBeVisible();
  await next(page, 'About the storyteller');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('What would you call this story')).toHaveValue('Left at services');
});

test('"Delete" on a draft asks first, then "Delete story" removes a story that was never sent', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What would you call this story').fill('To be withdrawn');
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await page.getByRole('link', { name: 'Home' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'To be withdrawn' });
  await expect(row.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await row.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(row.getByText('It has not been sent')).toBeVisible();
  await row.getByRole('button', { name: 'Delete story' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'To be withdrawn' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByText('To be withdrawn')).toHaveCount(0);
});

test('the session and Settings feed the story: name and role in the introduction, consent recorded by them', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByLabel('Your name').fill('Sam');
  await page.getByLabel('Your role').fill('volunteer');
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.getByText('Collecting as Sam, volunteer')).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Organisation postcode').fill('ls14ap');
  await page.getByLabel('Posted-on-behalf threshold').fill('150');
  await page.getByRole('button', { name: 'Save' }).click();
  // On its field, and linked from the error summary at the top.
  await expect(page.getByLabel('Posted-on-behalf threshold')).toHaveAccessibleDescription(
    /Enter a percentage from 0 to 100\./,
  );
  await expect(page.getByRole('link', { name: 'Enter a percentage from 0 to 100.' })).toBeVisible();
  await page.getByLabel('Posted-on-behalf threshold').fill('10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();
  await expect(page.getByLabel('Organisation postcode')).toHaveValue('LS1 4AP');
  await page.reload();
  await expect(page.getByLabel('Posted-on-behalf threshold')).toHaveValue('10');

  await page.getByRole('link', { name: 'Home' }).click();
  await startStory(page);
  await expect(page.getByText("My name is Sam, and I'm a volunteer.")).toBeVisible();
  await next(page, 'The story');
  await next(page, 'Services');
  await next(page, 'About the storyteller');
  await page.getByRole('button', { name: "Use the service's postcode" }).click();
  await expect(page.getByLabel('Postcode')).toHaveValue('LS1 4AP');
  await page.getByRole('checkbox', { name: 'No email address' }).check();
  await expect(page.getByRole('textbox', { name: 'Email address' })).toBeDisabled();
  await expect(page.getByText('posted by a staff member on behalf')).toBeVisible();
  // The month's first story on behalf is 100% of one: too few to mean anything, so no warning.
  await expect(page.getByText('feedback leaflet')).toHaveCount(0);
  await page.getByLabel('Username').fill('fuckfan33');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
  // In the field's message (the live region, outside <main>, says it too).
  await expect(
    page.getByRole('main').getByText('This username has a word Care Opinion will not publish'),
  ).toBeVisible();
  await page.getByLabel('Username').fill('jane1982');
  await expect(page.getByRole('main').getByText('age or a year of birth')).toBeVisible();
  await next(page, 'Check and finish');
  await giveConsent(page);
  await expect(page.getByText(/Consent recorded at .* by Sam\./)).toBeVisible();
});

test('a story never attempted can be taken back with "Edit story", and is a draft again', async ({
  page,
  app,
}) => {
  // With no API address the story waits as "Ready to post" (hand-off, issue 12) without any
  // attempt, so it may still be edited, like a queued story never tried.
  await page.goto(`${app.url}/settings`);
  await page.getByLabel('API address').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, { ...STORY, title: 'Taken back' });
  await next(page, 'Services');
  await page.getByRole('combobox', { name: 'Find a service' }).fill('Hilltop Clinic');
  await page.getByRole('button', { name: /as typed/ }).click();
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'hillside4', postcode: 'NG5 1PB' });
  await next(page, 'Check and finish');
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Ready to post' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit story' }).click();
  await expect(stepHeading(page, 'Check and finish')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /consent/i })).toBeChecked();
  await page.getByRole('link', { name: 'Home' }).click();
  const row = page.getByRole('listitem').filter({ hasText: 'Taken back' });
  await expect(row.getByText('Draft', { exact: true })).toBeVisible();
});
