// Sealed settings in Chromium (issue 13 §2): the set-up file is adopted after the PIN is set and
// stored sealed, and changing where stories go asks for the recovery code, not only the PIN.
import { startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect, PIN } from './fixtures.ts';
import { scanBrowserStorage } from './storageScan.ts';

/** A set-up file naming a relay and a key of its own (the app's code mentions the sandbox's key). */
const CONFIG = { apiAddress: 'https://relay.quince-example.org/api/v2', key: 'quince-sub-key-71' };

const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  app: async ({}, use) => {
    const server = await startAppServer({ root: DIST, sandbox: false, appConfig: CONFIG });
    await use(server);
    await server.close();
  },
});

test.use({ autoUnlock: false });

const CODE = /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/;
const ELSEWHERE = 'https://relay.damson-example.org/api/v2';

test('a new API address is saved only with the recovery code; the address and key are never stored readable', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByLabel('Choose a PIN').fill(PIN);
  await page.getByLabel('Confirm PIN').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  const recoveryCode = (await page.getByText(CODE).textContent())?.trim() ?? '';
  expect(recoveryCode).toMatch(CODE);
  await page.getByRole('button', { name: 'I have saved the code' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  const address = page.getByLabel('API address');
  await expect(address).toHaveValue(CONFIG.apiAddress);
  // TextField's keyboard reaches the page as attributes: Chromium's `autocorrect` is a boolean
  // property, where "off" would mean on.
  await expect(address).toHaveAttribute('autocorrect', 'off');
  await expect(address).toHaveJSProperty('autocorrect', false);
  await expect(address).toHaveAttribute('autocapitalize', 'off');

  const stored = await scanBrowserStorage(page);
  expect(stored.databases).toContain('story-collector-device');
  for (const secret of ['relay.quince-example.org', CONFIG.key])
    expect(stored.text, `${secret} in plain text`).not.toContain(secret);

  // Other settings need only the PIN that opened the app.
  await page.getByLabel('Organisation name').fill('Quillinan Health Trust');
  await expect(page.getByLabel('Recovery code')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();
  expect((await scanBrowserStorage(page)).text).not.toContain('Quillinan Health Trust');

  await address.fill(ELSEWHERE);
  const code = page.getByLabel('Recovery code');
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('autocapitalize', 'characters');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'recovery code' })).toBeVisible();
  await code.fill('0000-0000-0000-0000-0000-0000');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not right' })).toBeVisible();
  await code.fill(recoveryCode);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();

  await page.reload();
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await page.goto(`${app.url}/settings`);
  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByLabel('API address')).toHaveValue(ELSEWHERE);
  expect((await scanBrowserStorage(page)).text).not.toContain(ELSEWHERE);
});
