// Settings "Theme" and "Text size": saved at once, applied to the whole app, kept across a reload; the
// theme follows the system's light or dark until one is chosen.
import { expect, test } from './fixtures.ts';

const rootStyle = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const style = getComputedStyle(document.documentElement);
    return { fontSize: style.fontSize, background: style.backgroundColor };
  });

test('Theme and Text size change the app at once and stay after a reload', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${app.url}/settings`);
  const theme = page.getByLabel('Theme', { exact: true });
  await expect(theme).toHaveValue('system');
  // Following the system, which is dark here.
  expect((await rootStyle(page)).background).toBe('rgb(13, 17, 23)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect((await rootStyle(page)).background).toBe('rgb(246, 248, 250)');

  await theme.selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect((await rootStyle(page)).background).toBe('rgb(13, 17, 23)');

  const size = page.getByLabel('Text size');
  expect((await size.locator('option').allTextContents()).slice(0, 4)).toEqual([
    '100%',
    '125%',
    '150%',
    '200%',
  ]);
  expect((await rootStyle(page)).fontSize).toBe('18px');
  await size.selectOption({ label: '200%' });
  await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
  expect((await rootStyle(page)).fontSize).toBe('36px');

  await page.reload();
  await expect(page.getByLabel('Text size')).toHaveValue('200');
  await expect(page.getByLabel('Theme', { exact: true })).toHaveValue('dark');
  expect(await rootStyle(page)).toEqual({ fontSize: '36px', background: 'rgb(13, 17, 23)' });
});
