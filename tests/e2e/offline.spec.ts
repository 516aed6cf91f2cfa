// After one online load the app works with no network at all: Home and its routes reload offline.
import { collectErrors, expect, test, waitForControl } from './fixtures.ts';

test('after one online load, an offline reload shows Home with "New story"', async ({
  page,
  context,
  app,
}) => {
  const errors = collectErrors(page);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await waitForControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Story Collector' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await expect(page.getByText('seems to be offline')).toBeVisible();
  expect(errors).toEqual([]);
});

test('routes open offline, including a screen loaded lazily, even with the server gone', async ({
  page,
  context,
  app,
}) => {
  await page.goto(app.url);
  await waitForControl(page);
  await context.setOffline(true);
  await app.close(); // be doubly sure nothing is served from the network

  await page.goto(`${app.url}/settings`);
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByLabel('API address')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
});

test('the service worker never answers API or sandbox paths with the app shell', async ({ page, app }) => {
  await page.goto(app.url);
  await waitForControl(page);
  const res = await page.goto(`${app.url}/__sandbox/received`);
  expect(res?.headers()['content-type']).toContain('application/json');
  const api = await page.goto(`${app.url}/api/v2/healthservices?take=1`);
  // No key on a plain navigation: the sandbox sends its HTML login page, not the app.
  await expect(page.getByRole('button', { name: 'New story' })).toHaveCount(0);
  expect(api?.url()).toContain('login');
});
