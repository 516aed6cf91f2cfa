// The app through the organisation's relay (issue 11): enrol from the admin page's code (opened as
// the QR code's link), tell a story offline, and it arrives at Care Opinion (the sandbox) through
// the relay under the organisation's key — a key the iPad never holds. Revoked, the next story waits
// with "This iPad was disconnected from the relay"; "Test connection" says so, and "Connect again"
// with only a new code sends it. Issue 26: the iPad reports what it holds; offline it exports a
// sealed file, the lead imports it on the admin page, and back online nothing is sent twice. Issue 27:
// in desk mode two stories reach the posting desk sealed; the lead posts one from the desk page, the
// iPad learns it is Sent with its number and keeps nothing of it; the other, withdrawn, leaves the desk.

import { webcrypto } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import pino from 'pino';
import { type RunningRelay, startRelay } from '../../relay/server.ts';
import { makeDeskKey } from '../../src/domain/desk/index.ts';
import { argon2Hash } from '../../src/store/vault/argon2/argon2Engine.ts';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';
import { type AppServer, startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect, PIN, recoveryCodeOf, waitForControl } from './fixtures.ts';
import { tell } from './sendFixtures.ts';
import { scanBrowserStorage } from './storageScan.ts';

const ORG_KEY = 'organisation-subscription-key-7f3a';
const ADMIN = 'e2e-admin-token-at-least-32-characters';
const DESK_PASSPHRASE = 'heron kettle orchard lantern';

const test = base.extend<{ sandbox: SandboxServer; relay: RunningRelay; app: AppServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  sandbox: async ({}, use) => {
    const sandbox = await startSandboxServer({ key: ORG_KEY, services: 300, rate: 1000 });
    await use(sandbox);
    await sandbox.close();
  },
  relay: async ({ sandbox }, use) => {
    const relay = await startRelay(
      {
        upstream: sandbox.url,
        upstreamKey: ORG_KEY,
        adminToken: ADMIN,
        database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'relay-app-e2e-')), 'relay.db') },
        port: 0,
        host: '127.0.0.1',
        upstreamRate: 1000,
        appUrl: undefined,
        organisation: 'City Hospital',
        appOrigins: undefined,
      },
      { log: pino({ level: 'silent' }), schedule: false },
    );
    // The relay's own copy of the directory, as its daily refresh would have it.
    await fetch(`${relay.url}/admin/api/directory/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await use(relay);
    await relay.close();
  },
  app: async ({ relay }, use) => {
    // A set-up file naming only the relays the deployment trusts: the iPad has no destination until
    // it is enrolled, and a link to this relay needs only "Connect" (issue 22 row 2); its CSP allows it.
    const app = await startAppServer({
      root: DIST,
      sandbox: false,
      appConfig: { apiAddress: '', key: '', relayOrigins: [relay.url] },
      apiOrigin: relay.url,
    });
    await use(app);
    await app.close();
  },
});

async function admin<T>(relay: RunningRelay, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${relay.url}/admin/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as T;
}

/** An iPad enrolled by the admin API and connected from its link, the relay's directory stored. */
async function enrolAndConnect(page: Page, appUrl: string, relay: RunningRelay, name: string): Promise<void> {
  const { code } = await admin<{ code: string }>(relay, '/enrolments', { name });
  await page.goto(`${appUrl}/#enrol=${encodeURIComponent(relay.url)},${code}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(/Stories go through your organisation's relay at/)).toBeVisible();
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
  await waitForControl(page);
}

test('enrolled from the QR link, a story told offline reaches Care Opinion through the relay; revoked, the next waits', async ({
  page,
  context,
  app,
  relay,
  sandbox,
}) => {
  test.setTimeout(180_000);
  // The Care Opinion lead enrols an iPad on the admin page.
  const adminPage = await context.newPage();
  await adminPage.goto(`${relay.url}/admin/`);
  await adminPage.getByLabel('Admin token').fill(ADMIN);
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.getByLabel('Name for the iPad').fill('Ward 3 iPad'); // the page asks for a name
  await adminPage.getByRole('button', { name: 'Enrol an iPad' }).click();
  // Wait for the code itself: it appears once the relay has answered.
  const shown = adminPage.locator('#enrolment-code');
  await expect(shown).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$/);
  const code = (await shown.textContent()) ?? '';
  await adminPage.close();

  // The iPad opens the QR code's link: both fields filled, it asks to connect.
  await page.goto(`${app.url}/#enrol=${encodeURIComponent(relay.url)},${code}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText(`Connect this iPad to the relay at ${relay.url}?`)).toBeVisible();
  await expect(page.getByLabel('Relay address')).toHaveValue(relay.url);
  await expect(page.getByLabel('Enrolment code')).toHaveValue(code);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(/Stories go through your organisation's relay at/)).toBeVisible();
  await expect(page.getByLabel('Subscription key')).toHaveCount(0);
  // "Test connection" on the enrolled iPad asks the relay with its token (issue 21, item 7).
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected: your organisation's relay accepted this iPad/)).toBeVisible();
  // The directory arrives from the relay in one download.
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
  await waitForControl(page);

  await context.setOffline(true);
  await tell(page, 'Through the relay', 'Waiting to send');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByText('1 waiting to send')).toBeVisible();
  await context.setOffline(false);
  const row = page.getByRole('listitem').filter({ hasText: 'Through the relay' });
  await expect(row.getByText('Sent', { exact: true })).toBeVisible({ timeout: 60_000 });
  // The sandbox accepts only the organisation's key: the story came through the relay with it.
  const received = (await (await fetch(`${sandbox.origin}/__sandbox/received`)).json()) as {
    title: string;
  }[];
  expect(received.map((r) => r.title)).toEqual(['Through the relay']);
  const storage = await scanBrowserStorage(page);
  expect(storage.records).toBeGreaterThan(0);
  expect(storage.text).not.toContain(ORG_KEY);

  // The lead revokes the iPad: the next story waits, with words saying why, and nothing is lost.
  const [device] = await admin<{ deviceId: string }[]>(relay, '/devices');
  await admin(relay, `/devices/${device?.deviceId}/revoke`, {});
  await tell(page, 'After the revoke', 'Waiting to send');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'This iPad was disconnected from the relay' }),
  ).toBeVisible({
    timeout: 30_000,
  });
  const waiting = page.getByRole('listitem').filter({ hasText: 'After the revoke' });
  await expect(waiting.getByText('Waiting to send', { exact: true })).toBeVisible();
  const after = (await (await fetch(`${sandbox.origin}/__sandbox/received`)).json()) as unknown[];
  expect(after).toHaveLength(1);

  // "Connect again": Settings says the iPad was disconnected, and a new code alone connects it again
  // to the same relay (its address kept, no recovery code); the waiting story then goes.
  await page.getByRole('link', { name: 'Connect again' }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^This iPad was disconnected from the relay\. Connect again/)).toBeVisible();
  await expect(page.getByLabel('Relay address')).toHaveValue(relay.url);
  const { code: again } = await admin<{ code: string }>(relay, '/enrolments', { name: 'Ward 3 iPad' });
  await page.getByLabel('Enrolment code').fill(again);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  // The relay line was there before (the address is kept): wait for the new token's form, which
  // starts without the last test's "disconnected", or a test tapped now is lost as the form renews.
  await expect(page.getByText(/^This iPad was disconnected from the relay\. Connect again/)).toBeHidden();
  await expect(page.getByText(/Stories go through your organisation's relay at/)).toBeVisible();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText(/^Connected: your organisation's relay accepted this iPad/)).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(waiting.getByText('Sent', { exact: true })).toBeVisible({ timeout: 60_000 });
  const last = (await (await fetch(`${sandbox.origin}/__sandbox/received`)).json()) as { title: string }[];
  expect(last.map((r) => r.title)).toEqual(['Through the relay', 'After the revoke']);
});

test('an enrolment link to a relay the deployment does not name asks for the recovery code, first destination included', async ({
  page,
  relay,
}) => {
  // The same relay, but the set-up file names another: the link alone must not pick where stories go.
  const app = await startAppServer({
    root: DIST,
    sandbox: false,
    appConfig: { apiAddress: '', key: '', relayOrigins: ['https://relay.trusted-example.org'] },
    apiOrigin: relay.url,
  });
  try {
    const { code } = await admin<{ code: string }>(relay, '/enrolments', { name: 'Ward 4 iPad' });
    await page.goto(`${app.url}/#enrol=${encodeURIComponent(relay.url)},${code}`);
    await page.getByRole('link', { name: 'Settings' }).click();
    const recoveryCode = recoveryCodeOf(page);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'recovery code' })).toBeVisible();
    expect(await admin<unknown[]>(relay, '/devices')).toEqual([]); // the code was not spent
    await page.getByLabel('Recovery code').fill(recoveryCode);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByText(/Stories go through your organisation's relay at/)).toBeVisible();
    expect(await admin<unknown[]>(relay, '/devices')).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('offline, the iPad exports its unsent stories sealed; the lead imports them once; back online it sends nothing twice', async ({
  page,
  context,
  browser,
  app,
  relay,
  sandbox,
}) => {
  test.setTimeout(180_000);
  // The download path (Chromium on Linux has no share sheet; take it away wherever it has one).
  await page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share');
    Reflect.deleteProperty(Navigator.prototype, 'canShare');
  });
  type Device = {
    deviceId: string;
    reportedAt: string | null;
    waiting: number | null;
    appVersion: string | null;
  };
  const device = async () => (await admin<Device[]>(relay, '/devices'))[0];
  const received = async () =>
    ((await (await fetch(`${sandbox.origin}/__sandbox/received`)).json()) as { title: string }[]).map(
      (r) => r.title,
    );
  await enrolAndConnect(page, app.url, relay, 'Church hall iPad');
  // The first send pass after connecting tells the relay what the iPad holds: numbers only.
  await expect.poll(async () => (await device())?.reportedAt ?? null, { timeout: 30_000 }).not.toBeNull();
  expect(await device()).toMatchObject({ waiting: 0, appVersion: 'e2e-1' });

  // No signal at the community event: two stories wait on the iPad.
  await context.setOffline(true);
  await tell(page, 'Sealed at the event', 'Waiting to send');
  await tell(page, 'Also from the hall', 'Waiting to send');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await expect(page.getByText('2 waiting to send')).toBeVisible();

  // "Export unsent stories" asks for the staff PIN again, then hands over one sealed file.
  await page.getByRole('button', { name: 'Export unsent stories' }).click();
  const form = page.getByRole('form', { name: 'Staff: type your PIN to export the stories' });
  await form.getByLabel('Staff PIN').fill(PIN);
  await form.getByRole('button', { name: 'Export' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /2 stories are in the file stories-.*\.sealed/ }),
  ).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Save the file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^stories-[\w-]+\.sealed$/);
  const file = readFileSync((await download.path()) ?? '');
  const text = file.toString('utf8');
  for (const plain of ['Sealed at the event', 'Also from the hall', 'rugbyfan33', 'Kindness'])
    expect(text).not.toContain(plain);
  await page.getByRole('button', { name: 'Done' }).click();
  for (const title of ['Sealed at the event', 'Also from the hall'])
    await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('Exported')).toBeVisible();
  const storage = await scanBrowserStorage(page);
  for (const plain of ['Sealed at the event', 'Also from the hall'])
    expect(storage.text).not.toContain(plain);

  // The lead imports the file on the admin page (another machine: its own browser context, online).
  const lead = await browser.newContext();
  const adminPage = await lead.newPage();
  await adminPage.setViewportSize({ width: 1280, height: 900 });
  await adminPage.goto(`${relay.url}/admin/`);
  await adminPage.getByLabel('Admin token').fill(ADMIN);
  await adminPage.getByRole('button', { name: 'Sign in' }).click();
  await adminPage.getByLabel('File to import').setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'application/octet-stream',
    buffer: file,
  });
  await adminPage.getByRole('button', { name: 'Import the file' }).click();
  await expect(adminPage.locator('#import-summary')).toHaveText(
    '2 stories in the file: 2 sent, 0 already there, 0 not sent',
    { timeout: 30_000 },
  );
  expect((await received()).toSorted()).toEqual(['Also from the hall', 'Sealed at the event']);
  // The same file again: a replay, nothing sent twice.
  await adminPage.getByRole('button', { name: 'Import the file' }).click();
  await expect(adminPage.locator('#import-summary')).toHaveText(
    '2 stories in the file: 0 sent, 2 already there, 0 not sent',
  );
  await adminPage.screenshot({ path: test.info().outputPath('admin-fleet-1280.png'), fullPage: true });
  await lead.close();

  // Back online, the iPad sends its copies: the relay answers them as replays, Care Opinion has each once.
  await context.setOffline(false);
  for (const title of ['Sealed at the event', 'Also from the hall'])
    await expect(
      page.getByRole('listitem').filter({ hasText: title }).getByText('Sent', { exact: true }),
    ).toBeVisible({
      timeout: 60_000,
    });
  expect((await received()).toSorted()).toEqual(['Also from the hall', 'Sealed at the event']);
});

test('desk mode: two stories told offline reach the posting desk sealed; the lead posts one from the desk, the iPad shows it Sent with its number and keeps nothing of it; the other, withdrawn on the iPad, leaves the desk', async ({
  page,
  context,
  browser,
  app,
  relay,
}) => {
  test.setTimeout(180_000);
  // The lead has set up the desk: the key made and wrapped with the passphrase, as the desk page does.
  const made = await makeDeskKey(
    webcrypto as unknown as Crypto,
    (password, salt, kdf) => argon2Hash({ password, salt, kdf }),
    DESK_PASSPHRASE,
  );
  await admin(relay, '/desk/key', made);
  await enrolAndConnect(page, app.url, relay, 'Ward 5 iPad');
  // "How stories reach Care Opinion": the desk is offered, since this relay has one.
  await page.getByRole('radio', { name: 'Send them to our organisation’s posting desk' }).check();
  await page.getByLabel('Recovery code').fill(recoveryCodeOf(page));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Settings saved on this device.')).toBeVisible();

  // No signal on the ward: two stories wait on the iPad, then go to the desk sealed.
  await context.setOffline(true);
  await tell(page, 'Told first on the ward', 'Waiting to send');
  await tell(page, 'Told second on the ward', 'Waiting to send');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await context.setOffline(false);
  const rowOf = (title: string) => page.getByRole('listitem').filter({ hasText: title });
  for (const title of ['Told first on the ward', 'Told second on the ward'])
    await expect(rowOf(title).getByText('At the posting desk', { exact: true })).toBeVisible({
      timeout: 60_000,
    });
  const waiting = await admin<{ id: string; sealed: string }[]>(relay, '/desk/stories');
  expect(waiting).toHaveLength(2);
  for (const plain of ['Told first on the ward', 'Told second on the ward', 'rugbyfan33', 'Kindness'])
    expect(JSON.stringify(waiting)).not.toContain(plain);

  // The lead, at a desktop: opens the desk with the passphrase, copies each field, posts the first.
  const lead = await browser.newContext();
  await lead.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  const desk = await lead.newPage();
  await desk.setViewportSize({ width: 1280, height: 900 });
  await desk.goto(`${relay.url}/admin/`);
  await desk.getByLabel('Admin token').fill(ADMIN);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.locator('#desk-unlock-passphrase').fill(DESK_PASSPHRASE);
  await desk.keyboard.press('Enter');
  const heading = desk.locator('#desk-story-title');
  // Oldest first by arrival: the two went up together (several stories in flight), so either may be
  // first. The lead posts the first; the other is the one the ward takes back.
  await expect(heading).toHaveText(/^Story 1 of 2: (Told first on the ward|Told second on the ward)$/, {
    timeout: 30_000,
  });
  const posted = (await heading.textContent())!.replace('Story 1 of 2: ', '');
  const takenBack =
    posted === 'Told first on the ward' ? 'Told second on the ward' : 'Told first on the ward';
  const copies = desk.locator('#desk .desk-fields button');
  const values = await desk.locator('#desk .desk-value').allTextContents();
  expect(values.length).toBeGreaterThan(5);
  for (let i = 0; i < values.length; i++) {
    await copies.nth(i).click();
    await expect.poll(() => desk.evaluate(() => navigator.clipboard.readText())).toBe(values[i]);
  }
  // St Mary's, with the place the iPad's directory gave it, as on the iPad's hand-off screen.
  await expect(desk.locator('#desk .desk-copy .hint').first()).toHaveText(
    'Kingsmere and Ashby Vale Teaching Hospitals NHS Trust',
  );
  await desk
    .locator('#desk-address')
    .fill('https://www.careopinion.org.uk/opinions/1234567/posted-from-the-desk');
  await desk.getByRole('button', { name: 'I have posted it' }).click();
  await expect(heading).toHaveText(`Story 2 of 2: ${takenBack}`);

  // The iPad asks the desk ("Send now" asks at once): Sent, with its number; nothing of it is kept.
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(rowOf(posted).getByText('Sent', { exact: true })).toBeVisible({
    timeout: 30_000,
  });
  await rowOf(posted).getByRole('link').first().click();
  await expect(page.getByText('1234567')).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).first().click();
  const storage = await scanBrowserStorage(page);
  for (const plain of [posted, `What happened in ${posted}`]) expect(storage.text).not.toContain(plain);

  // The storyteller on the ward changes their mind: withdrawn on the iPad, it leaves the desk.
  await rowOf(takenBack)
    .getByRole('button', { name: /Withdraw|Delete/ })
    .first()
    .click();
  await rowOf(takenBack)
    .getByRole('button', { name: /Withdraw story|Delete story/ })
    .click();
  // Only a short receipt is left on the iPad: withdrawn, never posted (no take-down advice).
  const withdrawn = rowOf(takenBack);
  await expect(withdrawn.getByText('Withdrawn', { exact: true })).toBeVisible();
  await expect(withdrawn.getByText('Withdrawn: deleted from this device.', { exact: true })).toBeVisible();
  await expect
    .poll(async () => (await admin<unknown[]>(relay, '/desk/stories')).length, { timeout: 30_000 })
    .toBe(0);
  await desk.reload(); // still signed in: the token is kept for the tab
  await expect(desk.locator('#desk-count')).toHaveText('No story is waiting.');
  await lead.close();
});
