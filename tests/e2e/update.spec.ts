// A new build while a tab is open: "Update available", and "Update" switches to it.
import { DIST_NEXT, expect, test, waitForControl } from './fixtures.ts';

test('a new version is offered, and "Update" switches a first-visit tab to it', async ({ page, app }) => {
  test.setTimeout(90_000);
  await page.goto(app.url);
  await expect(page.getByText('Version e2e-1')).toBeVisible();
  await waitForControl(page);

  app.setRoot(DIST_NEXT);
  // Returning to the app is one of the update-check triggers; the first update() can take ~4 s.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(page.getByText('Update available')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Version e2e-1')).toBeVisible(); // nothing switched by itself

  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByText('Version e2e-2')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('Update available')).toHaveCount(0);
});
