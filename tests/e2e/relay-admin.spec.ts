// The relay's admin page in Chromium: sign in with the admin token, enrol an iPad (its code and a
// QR code of the app link), see it in the device list once it has enrolled, and revoke it. The
// relay runs in this worker on a temporary SQLite file with the sandbox as its upstream.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import pino from 'pino';
import { type RunningRelay, startRelay } from '../../relay/server.ts';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';

const ADMIN = 'e2e-admin-token';
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

test('the admin page signs in, enrols an iPad with a code and a QR code, lists it and revokes it', async ({
  page,
}) => {
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  const answer = await page.goto(`${relay.url}/admin/`);
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");

  await page.getByLabel('Admin token').fill('not-the-token');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'The admin token was not accepted.' }),
  ).toBeVisible();
  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Devices' })).toBeVisible();
  await expect(page.getByText('No iPad is enrolled yet.')).toBeVisible();

  await page.getByLabel('Name for the iPad (optional)').fill('Ward 3 iPad');
  await page.getByRole('button', { name: 'Enrol an iPad' }).click();
  // Wait for the code itself: it appears once the relay has answered.
  await expect(page.locator('#enrolment-code')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  const code = (await page.locator('#enrolment-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  const qr = page.getByRole('img', { name: 'QR code of the enrolment link' });
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Enrolment link' })).toHaveAttribute(
    'href',
    `${APP_URL}#enrol=${encodeURIComponent(relay.url)},${code}`,
  );

  // The iPad redeems the code (the app's side of enrolment is not part of this page).
  const enrolled = await fetch(`${relay.url}/api/v2/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: '' }),
  });
  const { token } = (await enrolled.json()) as { token: string };
  await page.getByRole('button', { name: 'Refresh', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: 'Ward 3 iPad' });
  await expect(row).toContainText('Connected');

  await page.getByRole('button', { name: 'Revoke Ward 3 iPad' }).click();
  await expect(row).toContainText('Revoked');
  const refused = await fetch(`${relay.url}/api/v2/healthservices`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(await refused.json()).toEqual({ error: 'device-revoked' });

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(token);
});
