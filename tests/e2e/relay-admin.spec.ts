// The relay's admin page in Chromium: sign in with the admin token, enrol two iPads by the names the
// lead types (a code, its QR code and the app link each), see them listed by those names once they
// have connected and the used code gone, search and sort, and revoke one after confirming — with
// axe finding nothing, light and dark, at 1280 px and on an iPad. The
// relay runs in this worker on a temporary SQLite file with the sandbox as its upstream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pino from 'pino';
import { type RunningRelay, startRelay } from '../../relay/server.ts';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';

const ADMIN = 'e2e-admin-token-at-least-32-characters';
const APP_URL = 'https://app.example/';

let sandbox: SandboxServer;
let relay: RunningRelay;

test.beforeEach(async () => {
  sandbox = await startSandboxServer({ key: 'e2e-key', services: 100, rate: 1000 });
  relay = await startRelay(
    {
      upstream: sandbox.url,
      upstreamKey: 'e2e-key',
      adminToken: ADMIN,
      database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'relay-e2e-')), 'relay.db') },
      port: 0,
      host: '127.0.0.1',
      upstreamRate: 1000,
      appUrl: APP_URL,
      organisation: 'City Hospital',
      appOrigins: undefined,
    },
    { log: pino({ level: 'silent' }), schedule: false },
  );
});

test.afterEach(async () => {
  await relay.close();
  await sandbox.close();
});

/** Redeems a code as the app does (the app's side of enrolment is not part of this page). */
async function connect(code: string): Promise<string> {
  const enrolled = await fetch(`${relay.url}/api/v2/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'iPad' }), // what every iPad calls itself
  });
  expect(enrolled.status).toBe(201);
  return ((await enrolled.json()) as { token: string }).token;
}

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

test('the admin page: two iPads by the names the lead typed, a used code leaves, revoke asks first', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  const answer = await page.goto(`${relay.url}/admin/`);
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  await noAxeViolations(page);

  await page.getByLabel('Admin token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The admin token was not accepted.');
  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Devices', exact: true })).toBeVisible();
  await expect(page.getByText('No iPad is enrolled yet.')).toBeVisible();
  await expect(summary).toBeHidden();

  const codes: string[] = [];
  for (const name of ['Ward 3 iPad', 'Outpatients iPad']) {
    await page.getByLabel('Name for the iPad').fill(name);
    await page.getByRole('button', { name: 'Enrol an iPad' }).click();
    await expect(page.getByRole('heading', { name: `Code for ${name}` })).toBeVisible();
    await expect(page.locator('#enrolment-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
    const code = (await page.locator('#enrolment-code').textContent()) ?? '';
    codes.push(code);
    // One lifetime everywhere: the admin page says what the app's hint says.
    await expect(page.locator('#enrolment')).toContainText('valid for an hour');
    const qr = page.getByRole('img', { name: 'QR code of the enrolment link' });
    await expect(qr).toBeVisible();
    expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByRole('link', { name: 'Enrolment link' })).toHaveAttribute(
      'href',
      `${APP_URL}#enrol=${encodeURIComponent(relay.url)},${code}`,
    );
  }
  await noAxeViolations(page);

  const [wardToken] = [await connect(codes[0] as string), await connect(codes[1] as string)];
  // The code on screen (the second) was used: it leaves the page, and both iPads are listed by the lead's names.
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  await expect(page.locator('#enrolment')).toBeHidden();
  await expect(page.getByRole('status')).toHaveText('The code for Outpatients iPad was used.');
  const ward = page.getByRole('row').filter({ hasText: 'Ward 3 iPad' });
  const outpatients = page.getByRole('row').filter({ hasText: 'Outpatients iPad' });
  await expect(ward).toContainText('Connected');
  await expect(ward).toContainText('Calls itself “iPad”');
  await expect(outpatients).toContainText('Connected');
  await expect(page.getByRole('row').filter({ hasText: /^iPad/ })).toHaveCount(0);

  // Search and sort, in the page.
  await page.getByLabel('Search by name').fill('outp');
  await expect(page.locator('#devices tr')).toHaveCount(1);
  await expect(page.locator('#devices tr')).toContainText('Outpatients iPad');
  await page.getByLabel('Search by name').fill('');
  await page.getByLabel('Sort by').selectOption('name');
  await expect(page.locator('#devices tr td:first-child')).toHaveText([/^Outpatients iPad/, /^Ward 3 iPad/]);

  // Revoke asks first, naming the device; Cancel leaves it connected.
  await page.getByRole('button', { name: 'Revoke Ward 3 iPad' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke Ward 3 iPad?' });
  await expect(dialog).toBeVisible();
  await noAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(ward).toContainText('Connected');
  await page.getByRole('button', { name: 'Revoke Ward 3 iPad' }).click();
  await dialog.getByRole('button', { name: 'Revoke Ward 3 iPad' }).click();
  await expect(ward).toContainText('Revoked');
  await expect(outpatients).toContainText('Connected');
  const refused = await fetch(`${relay.url}/api/v2/healthservices`, {
    headers: { Authorization: `Bearer ${wardToken}` },
  });
  expect(await refused.json()).toEqual({ error: 'device-revoked' });

  // The app's look in dark as well as light, and on an iPad: axe finds nothing.
  await noAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
    'rgb(13, 17, 23)',
  );
  await noAxeViolations(page);
  await page.setViewportSize({ width: 820, height: 1180 });
  await noAxeViolations(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
  expect(cspViolations).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(wardToken);
});
