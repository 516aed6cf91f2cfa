// Issue 24, items 3 and 4: a service is always read with its place ("Orthopaedics — Abernant Royal
// Infirmary", one of several Orthopaedics in the sandbox's directory) — chosen, read back, on the
// card and on Home; the closing words are marked "Read this out", name the story's own services, say
// exactly one of "an email" or "no emails", that moderators read stories first and, while the story
// has not left the iPad, that it is sent when the iPad is back online; the card says the same.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CONTROLS, locate } from '../tools/controls.ts';
import { expect, test, waitForControl } from './fixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  giveConsent,
  next,
  type Storyteller,
  startStory,
  waitForDirectory,
} from './storyJourney.ts';

// Its services are generated ones past the first 300 (the fixture's default): the whole directory.
test.use({ services: 3000 });

const PLACED = 'Orthopaedics — Abernant Royal Infirmary';
const STORY = {
  title: 'A steady hand on the bone ward',
  body: 'The surgeon drew the break for me.',
  good: 'Everyone explained.',
  different: 'The wait for the X-ray.',
};
const EMAIL_SAID = 'You’ll get an email when it is published and when the service responds.';
const NO_EMAIL_SAID = 'You won’t get emails: here is how to find your story.';
const MODERATED = 'Stories are read by Care Opinion’s moderators before they are published.';
const ON_DEVICE = 'it will be sent when this iPad is back online';

/** Chooses Orthopaedics at Abernant Royal Infirmary, of the directory's many Orthopaedics. */
async function chooseOrthopaedicsAtAbernant(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Find a service' }).fill('orthopaedics abernant royal');
  await page.getByRole('option', { name: /^Orthopaedics — Abernant Royal Infirmary, Elmstead/ }).click();
  await expect(page.getByRole('list', { name: 'Chosen services' }).getByText(PLACED)).toBeVisible();
  await expect(page.getByRole('button', { name: `Remove ${PLACED}` })).toBeVisible();
}

async function tellUntilSend(page: Page, who: Storyteller): Promise<void> {
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, STORY);
  await next(page, 'Services');
  await chooseOrthopaedicsAtAbernant(page);
  await next(page, 'About the storyteller');
  await fillStoryteller(page, who);
  await next(page, 'Check and finish');
  await expect(page.locator('.read-back').getByText(PLACED)).toBeVisible();
  await giveConsent(page);
}

const closing = (page: Page) => page.getByRole('region', { name: 'Read this out' });
const card = (page: Page) => page.getByRole('region', { name: 'Your story card' });

test('a story still on the iPad: the place everywhere, closing words and card say it is sent once back online', async ({
  page,
  context,
  app,
}) => {
  test.setTimeout(150_000);
  await waitForDirectory(page, app.url);
  await waitForControl(page);
  await page.getByRole('link', { name: 'Home' }).click();
  await tellUntilSend(page, { username: 'steadyheron', postcode: 'NG7 2UH', email: 'heron@example.org' });
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting to send' })).toBeVisible();

  await expect(locate(page, CONTROLS.readThisOut)).toBeVisible();
  const said = closing(page).locator('blockquote');
  await expect(said).toContainText('Thank you for sharing your story.');
  await expect(said).toContainText(`The staff at ${PLACED} will be able to read it and reply.`);
  await expect(said).toContainText(EMAIL_SAID);
  await expect(said).toContainText(MODERATED);
  await expect(said).toContainText(ON_DEVICE);
  await expect(said).not.toContainText('won’t get emails');
  await expect(said).not.toContainText('added to Care Opinion soon');
  await expect(card(page).getByText(PLACED)).toBeVisible();
  await expect(card(page)).toContainText(EMAIL_SAID);
  await expect(card(page)).toContainText(MODERATED);
  await expect(card(page)).toContainText(ON_DEVICE);
  await expect(card(page)).not.toContainText('added to Care Opinion soon');
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Back online, the story leaves the iPad: neither says so any more.
  await context.setOffline(false);
  await expect(page.getByRole('heading', { name: 'Sent' })).toBeVisible({ timeout: 30_000 });
  await expect(said).not.toContainText(ON_DEVICE);
  await expect(card(page)).not.toContainText(ON_DEVICE);
  await expect(card(page)).toContainText(MODERATED);

  await page.getByRole('link', { name: 'Home' }).first().click();
  const row = page.getByRole('listitem').filter({ hasText: STORY.title });
  await expect(row.getByText(PLACED)).toBeVisible();
});

test('no email: the closing words and the card say how to find the story, never that an email will come', async ({
  page,
  app,
}) => {
  test.setTimeout(150_000);
  await waitForDirectory(page, app.url);
  await page.getByRole('link', { name: 'Home' }).click();
  await tellUntilSend(page, { username: 'quietotter', postcode: 'NG7 2UH', noEmail: true });
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Sent' })).toBeVisible({ timeout: 30_000 });

  const said = closing(page).locator('blockquote');
  await expect(said).toContainText(`The staff at ${PLACED}`);
  await expect(said).toContainText(NO_EMAIL_SAID);
  await expect(said).toContainText('look for your username on careopinion.org.uk');
  await expect(said).toContainText(MODERATED);
  await expect(said).not.toContainText('get an email');
  await expect(said).not.toContainText(ON_DEVICE);
  await expect(card(page)).toContainText(NO_EMAIL_SAID);
  await expect(card(page)).not.toContainText('get an email');
  await expect(card(page)).not.toContainText('You will get');
});

test("the session's service is read with its place, and the closing words name the story's own service, not the session's", async ({
  page,
  app,
}) => {
  test.setTimeout(150_000);
  await waitForDirectory(page, app.url);
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByLabel('Your name').fill('Sam Jones');
  await page.getByRole('combobox', { name: 'Find a service' }).fill('orthopaedics abernant royal');
  await page.getByRole('option', { name: /^Orthopaedics — Abernant Royal Infirmary, Elmstead/ }).click();
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.getByText(`Services: ${PLACED}`)).toBeVisible();

  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, STORY);
  await next(page, 'Services');
  await expect(page.getByRole('button', { name: `Add ${PLACED}`, exact: true })).toBeVisible();
  await chooseStMarys(page);
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'steadyheron', postcode: 'NG7 2UH', email: 'heron@example.org' });
  await next(page, 'Check and finish');
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  const said = closing(page).locator('blockquote');
  await expect(said).toContainText(
    /The staff at St Mary's Hospital — Kingsmere[^.]* will be able to read it/,
  );
  await expect(said).not.toContainText('Orthopaedics');
});
