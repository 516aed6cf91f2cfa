// Shared iPad privacy in a real browser: a PIN on first use, nothing of a story in the browser's
// storage in plain text (before and after sending), and nothing of it on screen once locked.
import type { Page } from '@playwright/test';
import { expect, PIN, test, waitForControl } from './fixtures.ts';
import { scanBrowserStorage } from './storageScan.ts';
import { chooseStMarys, fillStory, fillStoryteller, giveConsent, next, startStory } from './storyJourney.ts';

test.use({ autoUnlock: false });

const SECRET = {
  title: 'Marigold corridor evening',
  body: 'Nurse Quillinan explained the scan twice',
  email: 'periwinkle.private@example.org',
  postcode: 'NG7 2UH',
};

async function setPin(page: Page): Promise<void> {
  await page.getByLabel('Choose a PIN').fill(PIN);
  await page.getByLabel('Confirm PIN').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await expect(page.getByText('Care Opinion lead')).toBeVisible();
  await page.getByRole('button', { name: 'I have saved the code' }).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
}

async function unlock(page: Page): Promise<void> {
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
}

function expectNoSecret(text: string): void {
  for (const [what, secret] of Object.entries(SECRET))
    expect(text, `${what} in plain text`).not.toContain(secret);
}

test('a story is stored only encrypted, the Lock screen shows nothing of it, and unlocking shows it again', async ({
  page,
  context,
  app,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Lock' })).toHaveCount(0);
  await setPin(page);
  // In-app navigation only: a reload would show the Lock screen (unlocked explicitly below).
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
  await waitForControl(page);
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Home' }).click();
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, { title: SECRET.title, body: SECRET.body, good: 'Patience.', different: 'Parking.' });
  await next(page, 'Services');
  await chooseStMarys(page);
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'rugbyfan33', postcode: SECRET.postcode, email: SECRET.email });
  await next(page, 'Check and finish');
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Waiting to send' })).toBeVisible();

  const before = await scanBrowserStorage(page);
  expect(before.databases).toContain('story-collector');
  expect(before.records).toBeGreaterThan(3);
  expectNoSecret(before.text);
  // Nor where stories go: the API address is sealed with the settings (the key: destination.spec.ts).
  expect(before.text, 'the API address in plain text').not.toContain(`${app.url}/api/v2`);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(page.getByText('1 story waiting to send — unlock to send it')).toBeVisible();
  expectNoSecret(await page.content());
  await unlock(page);
  await page.goto(app.url);
  await unlock(page);
  await expect(page.getByRole('listitem').filter({ hasText: SECRET.title })).toBeVisible();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  expectNoSecret(await page.content());
  await unlock(page);

  await context.setOffline(false);
  const row = page.getByRole('listitem').filter({ hasText: SECRET.title });
  await expect(row.getByText('Sent', { exact: true })).toBeVisible({ timeout: 30_000 });
  expectNoSecret((await scanBrowserStorage(page)).text);
});

test('a wrong PIN is refused with a reason, and the right one still opens', async ({ page, app }) => {
  await page.goto(app.url);
  await setPin(page);
  await page.reload();
  await page.getByLabel('PIN', { exact: true }).fill('000000');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(/not right|wrong|incorrect/i)).toBeVisible();
  await expect(page.getByRole('button', { name: 'New story' })).toHaveCount(0);
  await unlock(page);
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
});
