// The service directory end to end (issue 4): a fresh app downloads it by itself from the sandbox,
// an offline search finds a service by a partial, accent-free or reordered name or by its site
// (showing where it stands), "Refresh service directory" shows progress and completes, and a key
// that is not accepted keeps the old directory.
import type { Page } from '@playwright/test';
import { expect, recoveryCodeOf, test, waitForControl } from './fixtures.ts';

// The download itself is what these tests are about: the sandbox's whole 3,000 services (30 pages).
test.use({ services: 3000 });

const DOWNLOAD_MS = 60_000;
/** "3,000 services stored on this device, last refreshed …": a count above zero. */
const STORED = /[1-9][\d,]* services? stored on this device/;

/** Opens Settings and waits for the first download (started by the app itself) to complete. */
async function settingsWithDirectory(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/settings`);
  const stored = page.getByText(STORED);
  await expect(stored).toBeVisible({ timeout: DOWNLOAD_MS });
  await expect(page.getByRole('button', { name: 'Refresh service directory' })).toBeEnabled({
    timeout: DOWNLOAD_MS,
  });
  return (await stored.textContent())?.match(STORED)?.[0] ?? '';
}

/** "New story" → Next to the Services step → the "Find a service" field. */
async function openServicePicker(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'New story' }).click();
  const field = page.getByRole('combobox', { name: 'Find a service' });
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(field).toBeVisible();
  return field;
}

test('a fresh app downloads the directory by itself; offline, partial, accent-free and reordered names, and names with their site, find services', async ({
  page,
  context,
  app,
}) => {
  test.setTimeout(120_000);
  await settingsWithDirectory(page, app.url);
  await waitForControl(page);
  await context.setOffline(true);
  await app.close(); // doubly sure: nothing can come from the network now

  const field = await openServicePicker(page, app.url);
  const option = (name: RegExp) => page.getByRole('listbox').getByRole('option', { name }).first();
  await field.fill('st marys');
  await expect(option(/^St Mary's Hospital/)).toBeVisible();
  await field.fill('therese');
  await expect(option(/^Thérèse Ward/)).toBeVisible();
  await field.fill('hosp st mar');
  await expect(option(/^St Mary's Hospital/)).toBeVisible();
  await option(/^St Mary's Hospital/).click();
  await expect(page.getByRole('button', { name: "Remove St Mary's Hospital" })).toBeVisible();

  // One of many wards of that name, told apart by its site; each result shows its place in the tree.
  await field.fill('therese st marys');
  const ward = page.getByRole('listbox').getByRole('option').first();
  await expect(ward).toHaveAccessibleName(
    /^Thérèse Ward — St Mary's Hospital, Kingsmere and Ashby Vale Teaching Hospitals NHS Trust/,
  );
  await ward.click();
  await expect(page.getByRole('button', { name: 'Remove Thérèse Ward' })).toBeVisible();
});

test('"Refresh service directory" shows its progress, can be cancelled, and completes', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const before = await settingsWithDirectory(page, app.url);
  const progress = page.getByRole('status').filter({ hasText: /Downloading|Contacting/ });

  await page.getByRole('button', { name: 'Refresh service directory' }).click();
  await expect(progress).toContainText(/Downloading [\d,]+ of about [\d,]+/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The last refresh stopped part-way')).toBeVisible();
  await expect(page.getByText(before)).toBeVisible(); // the old directory is still the one in use

  await page.getByRole('button', { name: 'Refresh service directory' }).click();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Refresh service directory' })).toBeEnabled({
    timeout: DOWNLOAD_MS,
  });
  await expect(progress).toHaveCount(0);
  await expect(page.getByText('The last refresh stopped part-way')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(before)).toBeVisible();
});

test('a key that is not accepted says so, and the directory already stored stays', async ({ page, app }) => {
  test.setTimeout(120_000);
  const before = await settingsWithDirectory(page, app.url);

  await page.getByLabel('Subscription key').fill('wrong-key');
  await page.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await page.getByRole('button', { name: 'Save' }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'not accepted' });
  await expect(problem).toBeVisible({ timeout: DOWNLOAD_MS });
  await expect(problem).toContainText(/key/i);
  await expect(page.getByText(before)).toBeVisible();
});
