// Issue 16: a device set to Ireland never mentions careopinion.org.uk anywhere in the flow, and a
// device switched to Cymraeg (on the Lock screen, before anyone unlocks) says so in <html lang="cy">
// and shows its screens in Welsh, until switched back in Settings → "Language / Iaith".
import type { Page } from '@playwright/test';
import { expect, PIN, test } from './fixtures.ts';
import { chooseStMarys, fillStory, fillStoryteller, giveConsent, startStory } from './storyJourney.ts';

const UK_SITE = 'careopinion.org.uk';

// What the page shows and links to; not <head>, whose build-time Content-Security-Policy names every
// region's API origin (issue 22) and is never read by a person.
async function expectNoUkSite(page: Page, where: string): Promise<void> {
  expect(await page.locator('body').innerHTML(), where).not.toContain(UK_SITE);
}

test('with region Ireland, no page of the flow mentions careopinion.org.uk', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(`${app.url}/settings`);
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
  // Ireland, and no API address: stories are posted by hand, so the hand-off pages are in the flow too.
  await page.getByLabel('Region').selectOption('ie');
  await page.getByLabel('API address').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();
  await expectNoUkSite(page, 'Settings');
  await page.getByRole('link', { name: 'Home' }).click();
  await expectNoUkSite(page, 'Home');

  await startStory(page);
  const steps: [string, () => Promise<void>][] = [
    [
      'The story',
      () => fillStory(page, { title: 'Kind words in Cork', body: 'b', good: 'g', different: 'd' }),
    ],
    ['Services', () => chooseStMarys(page)],
    [
      'About the storyteller',
      () => fillStoryteller(page, { username: 'corkheron', postcode: 'D02 X285', noEmail: true }),
    ],
    ['Check and finish', () => giveConsent(page)],
  ];
  await expectNoUkSite(page, 'Introduce');
  for (const [step, fill] of steps) {
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: step, exact: true })).toBeVisible();
    await fill();
    await expectNoUkSite(page, step);
  }
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Ready to post' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Open Care Opinion' })).toHaveAttribute(
    'href',
    'https://www.careopinion.ie/tellyourstory',
  );
  await expect(page.getByText('https://www.careopinion.ie/1234567')).toBeVisible();
  await expectNoUkSite(page, 'Ready to post');

  await page.getByRole('link', { name: 'Home' }).first().click();
  const row = page.getByRole('listitem').filter({ hasText: 'Kind words in Cork' });
  await row.getByRole('button', { name: 'Withdraw' }).click();
  await expect(row.getByRole('button', { name: 'Delete story' })).toBeVisible();
  await expectNoUkSite(page, 'Withdraw');
});

test.describe('in Welsh', () => {
  test.use({ autoUnlock: false });

  test('<html lang="cy"> and the screens show Welsh, chosen before the first unlock; Settings switches back', async ({
    page,
    app,
  }) => {
    test.setTimeout(120_000);
    await page.goto(app.url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await expect(page.getByRole('heading', { name: 'Gosod PIN ar gyfer y ddyfais hon' })).toBeVisible();
    await page.getByLabel('Dewiswch PIN').fill(PIN);
    await page.getByLabel('Cadarnhewch y PIN').fill(PIN);
    await page.getByRole('button', { name: 'Gosod PIN' }).click();
    await page.getByRole('button', { name: 'Rwyf wedi cadw’r cod' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Casglwr Straeon' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Stori newydd' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Anfon nawr' })).toBeVisible();
    await expect(page.getByText('0 yn aros i’w hanfon')).toBeVisible();
    await expect(page.getByText('Send now')).toHaveCount(0);

    // Kept on the device: a reload (and the Lock screen) stay in Welsh.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Datgloi' }).click();

    await page.getByRole('link', { name: 'Gosodiadau' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gosodiadau' })).toBeVisible();
    const language = page.getByRole('group', { name: 'Language / Iaith' });
    await expect(language.getByRole('radio', { name: 'Cymraeg' })).toBeChecked();
    await language.getByRole('radio', { name: 'English' }).check();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  });
});
