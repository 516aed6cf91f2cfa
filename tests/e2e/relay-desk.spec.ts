// The posting desk on the relay's admin page in Chromium (issue 27): the lead sets up the desk key
// by typing a passphrase (Argon2id at 64 MiB in the browser), 20 made-up stories are sealed to it in
// Node as the iPads seal them and sent as an enrolled iPad, and the lead opens the desk and posts all
// 20 by keyboard alone — the time is printed, and the desk at 1280 px is the closing screenshot
// (tests/e2e/screenshots/admin-desk-1280.png, copied from this test's output). Then: a wrong
// passphrase is refused and nothing is lost, "Copy <field>" puts exactly the field on the clipboard,
// and a page hidden past the delay is cleared of every opened story. The relay runs in this worker
// on a temporary SQLite file with the sandbox as its upstream.
import { randomUUID, webcrypto } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import pino from 'pino';
import { type RunningRelay, startRelay } from '../../relay/server.ts';
import { type Argon2, type DeskStory, makeDeskKey, sealDeskStory } from '../../src/domain/desk/index.ts';
import { QueuedStorySchema } from '../../src/domain/story/submission.ts';
import { enGB } from '../../src/domain/words/en-GB/index.ts';
import { handOffFields } from '../../src/domain/words/handOffWords.ts';
import { argon2Hash } from '../../src/store/vault/argon2/argon2Engine.ts';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';

const ADMIN = 'e2e-admin-token-at-least-32-characters';
const PASSPHRASE = 'heron kettle orchard lantern';
const DAY = 24 * 60 * 60 * 1000;
const PLACE = 'Abernant Royal Infirmary, Elmstead';
const crypto = webcrypto as unknown as Crypto;

let sandbox: SandboxServer;
let relay: RunningRelay;
/** The relay's clock runs this far from the real one (to send stories "40 days ago"). */
let offset = 0;

test.beforeEach(async () => {
  offset = 0;
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
      appUrl: undefined,
      organisation: 'City Hospital',
      appOrigins: undefined,
    },
    { log: pino({ level: 'silent' }), schedule: false, now: () => Date.now() + offset },
  );
});

test.afterEach(async () => {
  await relay.close();
  await sandbox.close();
});

function adminApi(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${relay.url}/admin/api${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
  });
}

/** An enrolled iPad's token, as the app gets one. */
async function enrolledIpad(name: string): Promise<string> {
  const code = (
    (await (await adminApi('/enrolments', { method: 'POST', body: JSON.stringify({ name }) })).json()) as {
      code: string;
    }
  ).code;
  const res = await fetch(`${relay.url}/api/v2/devices`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, name: 'iPad' }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** A made-up story (no real person): every third without an email address. */
function madeUpStory(n: number): DeskStory {
  return {
    idempotencyKey: randomUUID(),
    body: QueuedStorySchema.parse({
      title: `Made-up story ${n}: a calm night on Ward 7`,
      body: `Test story ${n}. The night nurse explained each step and came back to check twice.`,
      whatWasGood: 'Being listened to.',
      healthservices: [{ nacs: 'RX1RA', name: 'Ward 7' }],
      author: {
        username: `Test teller ${n}`,
        email: n % 3 === 1 ? null : `teller${n}@example.org`,
        postcode: 'SW1A 1AA',
        role: 'patient',
        ageGroup: '35-44',
      },
      postedOnBehalf: n % 3 === 1,
      consent: { publish: true, givenAt: '2026-11-24T10:42:00Z', recordedBy: 'Sam, volunteer' },
      collectedAt: '2026-11-24T10:30:00Z',
      submissionRoute: 'assisted-offline-app',
    }),
    // The iPad seals each service's place from its directory; an older iPad's story has none.
    ...(n % 2 === 0 ? { places: [PLACE] } : {}),
  };
}

/** Seals a story to the desk's key in Node, as the iPad does, and sends it as that iPad. */
async function sendToDesk(token: string, story: DeskStory): Promise<void> {
  const key = (await (
    await fetch(`${relay.url}/api/v2/desk/key`, { headers: { Authorization: `Bearer ${token}` } })
  ).json()) as { kid: string; jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string } };
  const sealed = await sealDeskStory(crypto, key, story);
  const res = await fetch(`${relay.url}/api/v2/desk/stories`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': story.idempotencyKey,
    },
    body: JSON.stringify({ kid: key.kid, sealed }),
  });
  expect(res.status).toBe(201);
}

/** Argon2id as the iPad's vault runs it (hash-wasm, 32 bytes). */
const argon2: Argon2 = (password, salt, kdf) => argon2Hash({ password, salt, kdf });

async function signIn(page: Page): Promise<void> {
  await page.goto(`${relay.url}/admin/`);
  await page.getByLabel('Admin token').fill(ADMIN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Posting desk', exact: true })).toBeVisible();
}

async function noAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test('the desk: set up with a passphrase, then 20 stories posted one after another by keyboard alone', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page);
  const desk = page.locator('#desk');
  await expect(desk).toContainText('The posting desk is not set up yet.');
  await noAxeViolations(page);

  // The passphrase rule, then the desk key made in this browser.
  await desk.getByLabel('Desk passphrase').fill('too short');
  await desk.getByLabel('Type the passphrase again').fill('too short');
  await desk.getByRole('button', { name: 'Set up the posting desk' }).click();
  await expect(desk.getByText('The passphrase must be at least 12 characters long.')).toBeVisible();
  await desk.getByLabel('Desk passphrase').fill(PASSPHRASE);
  await desk.getByLabel('Type the passphrase again').fill(`${PASSPHRASE}!`);
  await desk.getByRole('button', { name: 'Set up the posting desk' }).click();
  await expect(desk.getByText('The two passphrases are not the same. Type them again.')).toBeVisible();
  await desk.getByLabel('Type the passphrase again').fill(PASSPHRASE);
  const madeAt = performance.now();
  await desk.getByRole('button', { name: 'Set up the posting desk' }).click();
  await expect(desk.getByRole('heading', { name: 'Open the desk' })).toBeVisible({ timeout: 60_000 });
  const makingMs = performance.now() - madeAt;
  const stored = (await (await adminApi('/desk/key')).json()) as {
    wrapped: { kdf: { memoryKiB: number } };
  };
  expect(stored.wrapped.kdf.memoryKiB).toBe(65_536);
  expect(JSON.stringify(stored)).not.toContain(PASSPHRASE);

  // 20 made-up stories sealed to the desk as two iPads seal them; the first two arrived 40 days ago.
  const ward = await enrolledIpad('Ward 3 iPad');
  const outpatients = await enrolledIpad('Outpatients iPad');
  const stories = Array.from({ length: 20 }, (_, i) => madeUpStory(i + 1));
  for (const [i, story] of stories.entries()) {
    offset = i < 2 ? -40 * DAY + i * 60_000 : i * 1000;
    await sendToDesk(i % 2 === 0 ? ward : outpatients, story);
  }
  offset = 20_000;

  await page.reload();
  await expect(desk.locator('#desk-count')).toHaveText(
    '20 stories waiting, oldest first; 2 waiting more than 30 days.',
  );
  await noAxeViolations(page);
  await desk.locator('#desk-unlock-passphrase').fill(PASSPHRASE);
  const unlockAt = performance.now();
  await page.keyboard.press('Enter');
  const heading = desk.locator('#desk-story-title');
  await expect(heading).toHaveText('Story 1 of 20: Made-up story 1: a calm night on Ward 7', {
    timeout: 30_000,
  });
  const unlockMs = performance.now() - unlockAt;
  await expect(heading).toBeFocused();
  await expect(desk.locator('#desk-count')).toHaveText(
    '20 stories waiting, oldest first; 2 waiting more than 30 days.',
  );
  // The first story as the iPad's hand-off screen shows it: overdue, no email, the region's site.
  await expect(desk.getByText('Waiting more than 30 days', { exact: true })).toBeVisible();
  await expect(
    desk.getByText('choose “staff member posting for a patient/service user”', { exact: false }),
  ).toBeVisible();
  await expect(desk.getByText('Care Opinion code RX1RA', { exact: true })).toBeVisible();
  await expect(desk.getByRole('link', { name: 'Open Care Opinion' })).toHaveAttribute(
    'href',
    'https://www.careopinion.org.uk/tellyourstory',
  );
  const labels = handOffFields(stories[0]?.body as DeskStory['body'], enGB).map((f) =>
    enGB.handoff.copy(f.label),
  );
  await expect(desk.locator('.desk-fields button')).toHaveText(labels);
  await noAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await noAxeViolations(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await desk.screenshot({ path: test.info().outputPath('admin-desk-1280.png') });

  // Posting: Tab through the story (Enter on "Copy title"), the address, Enter. No mouse.
  const started = performance.now();
  for (let n = 1; n <= 20; n++) {
    await expect(heading).toHaveText(new RegExp(`^Story ${n} of 20: Made-up story ${n}:`));
    await expect(heading).toBeFocused();
    // The service with its place beside "Copy service", as on the iPad; without one, its code.
    await expect(desk.locator('.desk-copy .hint')).toHaveText(
      n % 2 === 0 ? PLACE : 'Care Opinion code RX1RA',
    );
    await page.keyboard.press('Tab'); // Open Care Opinion
    await page.keyboard.press('Tab'); // Copy title
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(stories[n - 1]?.body.title);
    for (let tabs = 0; (await focusedId(page)) !== 'desk-address'; tabs++) {
      expect(tabs, 'the address field is reached by Tab').toBeLessThan(20);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(`https://www.careopinion.org.uk/opinions/${1_000_000 + n}/made-up`);
    await page.keyboard.press('Enter');
    await expect(page.locator('#announce')).toHaveText(
      `Posted story ${1_000_000 + n}. ${n === 20 ? 'No story is left waiting.' : `${20 - n === 1 ? '1 story' : `${20 - n} stories`} left.`}`,
    );
  }
  const elapsedMs = performance.now() - started;
  await expect(
    desk.getByRole('heading', { name: 'Every waiting story that opens has been posted.' }),
  ).toBeFocused();
  console.log(
    `desk: key made in ${(makingMs / 1000).toFixed(1)} s, opened in ${(unlockMs / 1000).toFixed(1)} s; ` +
      `20 stories posted by keyboard in ${(elapsedMs / 1000).toFixed(1)} s (${(elapsedMs / 20 / 1000).toFixed(2)} s a story)`,
  );

  // The relay's receipts: nothing left waiting, each story posted with its number, to its own iPad.
  expect(await (await adminApi('/desk/stories')).json()).toEqual([]);
  for (const [token, parity] of [
    [ward, 0],
    [outpatients, 1],
  ] as const) {
    const mine = stories.map((s, i) => ({ s, i })).filter(({ i }) => i % 2 === parity);
    const status = await fetch(
      `${relay.url}/api/v2/desk/stories/status?keys=${mine.map(({ s }) => s.idempotencyKey).join(',')}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(await status.json()).toEqual(
      mine.map(({ s, i }) => ({
        key: s.idempotencyKey,
        state: 'posted',
        storyNumber: String(1_000_001 + i),
      })),
    );
  }
  // Each receipt as the relay keeps it: the ciphertext gone, the number, by the admin token, from here.
  const receipts = await relay.services.store.db
    .selectFrom('desk_stories')
    .select(['state', 'sealed', 'story_number', 'posted_by', 'posted_from'])
    .orderBy('received_at')
    .execute();
  expect(receipts).toEqual(
    stories.map((_, i) => ({
      state: 'posted',
      sealed: null,
      story_number: String(1_000_001 + i),
      posted_by: 'admin-token',
      posted_from: '127.0.0.1',
    })),
  );
  expect(cspViolations).toEqual([]);
});

test('the desk: a wrong passphrase changes nothing, Copy gives exactly the field, a hidden page is cleared', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
  // The hidden-page delay, shortened for the test (the page takes only a shorter one than its own).
  await page.addInitScript(() => sessionStorage.setItem('desk-hidden-clear-ms', '300'));
  const made = await makeDeskKey(crypto, argon2, PASSPHRASE);
  expect((await adminApi('/desk/key', { method: 'POST', body: JSON.stringify(made) })).status).toBe(201);
  const story = madeUpStory(2);
  await sendToDesk(await enrolledIpad('Ward 3 iPad'), story);
  await signIn(page);
  const desk = page.locator('#desk');
  const passphrase = desk.locator('#desk-unlock-passphrase');

  await passphrase.fill('heron kettle orchard lanterns');
  await page.keyboard.press('Enter');
  await expect(
    desk.getByText('That is not the desk passphrase. Nothing has changed: type it again.'),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(passphrase).toBeFocused();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  expect(await (await adminApi('/desk/stories')).json()).toHaveLength(1);

  await passphrase.fill(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(desk.locator('#desk-story-title')).toBeFocused({ timeout: 30_000 });
  for (const field of handOffFields(story.body, enGB)) {
    const button = desk.getByRole('button', { name: enGB.handoff.copy(field.label), exact: true });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button.locator('..').getByText('✓ Copied')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText()), field.label).toBe(field.value);
  }
  await expect(desk.getByText('staff member posting')).toHaveCount(0); // it has an email address

  // A refused address says why and keeps the story.
  await desk.getByLabel('Care Opinion story address or number').fill('https://example.com/opinions/1234');
  await page.keyboard.press('Enter');
  await expect(desk.getByText('This is not a Care Opinion address.', { exact: false })).toBeVisible();
  await expect(desk.getByLabel('Care Opinion story address or number')).toBeFocused();

  // Hidden past the delay: every opened word leaves the page, and the passphrase is asked again.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(desk.getByText('it was hidden for more than', { exact: false })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(''); // the last field copied
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(desk.locator('#desk-unlock-passphrase')).toBeVisible();
  const text = await page.evaluate(() => document.body.textContent ?? '');
  for (const secret of [story.body.title, story.body.body, story.body.author.username, 'teller2@example.org'])
    expect(text).not.toContain(secret);
  expect(await (await adminApi('/desk/stories')).json()).toHaveLength(1);

  // Replacing the key says first what becomes of the waiting story; after it, that story is set aside.
  const replace = desk.getByText('Replace the desk key', { exact: true });
  await replace.focus();
  await page.keyboard.press('Enter');
  await expect(
    desk.getByText('1 story waiting at the desk was sealed to the current key.', { exact: false }),
  ).toBeVisible();
  await noAxeViolations(page);
  const renewed = 'swallow pebble quarry violin';
  await desk.locator('#desk-replace-passphrase').fill(renewed);
  await desk.locator('#desk-replace-again').fill(renewed);
  await desk.getByRole('button', { name: 'I understand: replace the desk key' }).click();
  await expect(page.locator('#announce')).toHaveText(
    'The desk key was replaced. 1 story still waiting on the old key cannot be opened here; the iPads send them again.',
    { timeout: 30_000 },
  );
  await desk.locator('#desk-unlock-passphrase').fill(renewed);
  await page.keyboard.press('Enter');
  await expect(
    desk.getByRole('heading', { name: 'Every waiting story that opens has been posted.' }),
  ).toBeFocused({ timeout: 30_000 });
  await expect(desk.getByText('This story was sealed to another desk key', { exact: false })).toBeVisible();

  // Signing out closes the desk.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.locator('#desk-body')).toBeEmpty();
});
