// The Lock screen first (issue 25.1): it is drawn from the first download, before the vault's module
// has arrived, and a PIN submitted then waits for the vault: one tap on "Unlock" opens Home.
// The vault's chunk is held by the test until the PIN has been submitted, then let through.
import type { Route } from '@playwright/test';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { collectErrors, expect, PIN, test } from './fixtures.ts';

// Requests go to the network (no service worker answering them), where the test can hold one.
test.use({ autoUnlock: false, serviceWorkers: 'block' });

test('a PIN submitted before the vault has loaded waits for it: Home after one tap', async ({
  page,
  app,
}) => {
  const errors = collectErrors(page);
  await page.goto(app.url); // first use: set the PIN
  await locate(page, C.choosePin).fill(PIN);
  await locate(page, C.confirmPin).fill(PIN);
  await locate(page, C.setPin).click();
  await locate(page, C.savedCode).click();
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  const handlers = new Set<Route>();
  let requested: () => void = () => {};
  const vaultRequested = new Promise<void>((done) => {
    requested = done;
  });
  await page.route(/\/assets\/vault-[^/]+\.js$/, (route) => {
    handlers.add(route);
    requested();
  });

  await page.reload();
  await vaultRequested;
  const pin = locate(page, C.pin);
  await pin.fill(PIN);
  const unlock = locate(page, C.unlock);
  await expect(unlock).toBeEnabled(); // usable before the vault is there
  await unlock.click();
  await expect(page.getByRole('status').filter({ hasText: 'Checking the PIN' })).toBeVisible();
  expect(handlers.size).toBe(1); // still held: the submit is waiting for it, not refused
  for (const route of handlers) await route.continue();

  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  await expect(locate(page, C.unlock)).toHaveCount(0);
  expect(errors).toEqual([]);
});
