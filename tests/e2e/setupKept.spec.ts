// Issue 24, items 6, 9 and 10 (the "setup" part): a username with contact details blocks Next; nothing
// set up is lost (the recovery code and an enrolment link outlive a reload); Home says when the iPad
// has nowhere to send; "Delete" on a draft, "Withdraw" on a story queued with consent.
import type { Page } from '@playwright/test';
import { startAppServer } from '../tools/appServer.ts';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { DIST, expect, PIN, test, waitForControl } from './fixtures.ts';
import { test as sending, tell } from './sendFixtures.ts';
import { scanBrowserStorage } from './storageScan.ts';
import { next, saveStatus, startStory, waitForDirectory } from './storyJourney.ts';

const CODE = /^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/;

async function choosePin(page: Page): Promise<string> {
  await locate(page, C.choosePin).fill(PIN);
  await locate(page, C.confirmPin).fill(PIN);
  await locate(page, C.setPin).click();
  const code = page.getByText(CODE);
  await expect(code).toBeVisible({ timeout: 30_000 }); // Argon2id on a busy machine
  return (await code.textContent())?.trim() ?? '';
}

async function unlock(page: Page): Promise<void> {
  await locate(page, C.pin).fill(PIN);
  await locate(page, C.unlock).click();
}

/** What the device store (idb-keyval) holds under `key`, as stored. */
function deviceRecord(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('story-collector-device');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const value = await new Promise<unknown>((resolve, reject) => {
      const req = db.transaction('kv').objectStore('kv').get(k);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value ?? null;
  }, key);
}

test('a username that is an email address blocks Next, with the reason', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(locate(page, C.newStory)).toBeVisible({ timeout: 45_000 }); // after the PIN is set
  await startStory(page);
  await next(page, 'The story');
  await next(page, 'Services');
  await next(page, 'About the storyteller');
  await locate(page, C.username).fill('bluebird77@gmail.com');
  const reason = page.locator('#author-username-check');
  await expect(reason).toContainText('This looks like an email address.');
  await expect(reason).toContainText('Choose a username with no contact details');
  await expect(locate(page, C.username)).toHaveAttribute('aria-invalid', 'true');
  await expect(locate(page, C.next)).toBeDisabled();
  await locate(page, C.username).fill('bluebird77');
  await expect(locate(page, C.next)).toBeEnabled();
});

test.describe('nothing set up is lost', () => {
  test.use({ autoUnlock: false });

  test('reloaded on the recovery code: after the unlock the same code shows, sealed meanwhile, until "I have saved the code"', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    const code = await choosePin(page);
    await page.reload();
    // Sealed at rest: the code is nowhere in the browser's storage in plain text.
    expect((await scanBrowserStorage(page)).text).not.toContain(code);
    await unlock(page);
    await expect(page.getByText(CODE)).toHaveText(code);
    await locate(page, C.savedCode).click();
    await expect(locate(page, C.newStory)).toBeVisible();
    // Saved: the next unlock opens Home, and the sealed copy is gone.
    await page.reload();
    await unlock(page);
    await expect(locate(page, C.newStory)).toBeVisible();
    await expect(page.getByText(CODE)).toHaveCount(0);
    expect(await deviceRecord(page, 'recovery-code-unsaved')).toBeNull();
  });

  test('an enrolment link opened on a fresh app waits through PIN set-up and reloads, and is offered after', async ({
    page,
    app,
  }) => {
    const relay = 'https://relay.example.org';
    await page.goto(`${app.url}/#enrol=${encodeURIComponent(relay)},KX7P-2QRM`);
    await expect(locate(page, C.setPin)).toBeVisible();
    await page.reload(); // the link left the address bar when the app read it
    await choosePin(page);
    await page.reload(); // mid-way: the recovery code was on screen
    await unlock(page);
    await locate(page, C.savedCode).click();
    // Offered on Home, and in Settings with both fields filled.
    await expect(page.getByText(`Connect this iPad to the relay at ${relay}?`)).toBeVisible();
    // Sealed once the vault exists: no plain copy is left.
    expect(await deviceRecord(page, 'enrolment-link-before-pin')).toBeNull();
    expect(JSON.stringify(await deviceRecord(page, 'enrolment-link'))).not.toContain('KX7P-2QRM');
    await locate(page, C.connectToRelay).click();
    await expect(locate(page, C.relayAddress)).toHaveValue(relay);
    await expect(locate(page, C.enrolmentCode)).toHaveValue('KX7P-2QRM');
    // And after one more reload and unlock, still there.
    await page.reload();
    await unlock(page);
    await expect(page.getByText(`Connect this iPad to the relay at ${relay}?`)).toBeVisible();
  });
});

test.describe('Home and where stories go', () => {
  test('a fresh app with no destination says so on Home, with a link that opens "How stories reach Care Opinion"', async ({
    page,
  }) => {
    const app = await startAppServer({ root: DIST, appConfig: false });
    try {
      await page.goto(app.url);
      await expect(locate(page, C.newStory)).toBeVisible({ timeout: 45_000 }); // after the PIN is set
      await expect(page.getByText('This iPad has nowhere to send stories')).toBeVisible();
      await locate(page, C.noDestination).click();
      await expect(page).toHaveURL(/\/settings#delivery$/);
      const delivery = page.getByRole('group', { name: 'How stories reach Care Opinion' });
      await expect(delivery).toBeInViewport();
      // Shown checked without an address (it is what happens); tapping it chooses it.
      await expect(locate(page, C.postByHand)).toBeChecked();
      await locate(page, C.postByHand).click();
      await locate(page, C.save).click();
      await expect(page.getByText('Settings saved on this device.')).toBeVisible();
      await locate(page, C.home).click();
      await expect(locate(page, C.newStory)).toBeVisible();
      await expect(page.getByText('This iPad has nowhere to send stories')).toHaveCount(0);
    } finally {
      await app.close();
    }
  });

  test('with a destination, Home says nothing about it', async ({ page, app }) => {
    await page.goto(app.url);
    await expect(locate(page, C.newStory)).toBeVisible({ timeout: 45_000 }); // after the PIN is set
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByLabel('API address')).not.toHaveValue('');
    await locate(page, C.home).click();
    await expect(page.getByText('This iPad has nowhere to send stories')).toHaveCount(0);
  });
});

sending(
  'a draft shows "Delete", a story queued with consent "Withdraw"; while it waits, Home says a locked iPad may not send',
  async ({ page, context, app }) => {
    test.setTimeout(120_000);
    await waitForDirectory(page, app.url);
    await waitForControl(page);
    await context.setOffline(true);
    await tell(page, 'Consented and waiting', 'Waiting to send');
    await locate(page, C.home).first().click();
    await startStory(page);
    await next(page, 'The story');
    await page.getByLabel('What would you call this story').fill('Only a draft');
    await expect(saveStatus(page)).toHaveText('Saved on this device');
    await locate(page, C.home).click();
    const draft = page.getByRole('listitem').filter({ hasText: 'Only a draft' });
    const queued = page.getByRole('listitem').filter({ hasText: 'Consented and waiting' });
    await expect(locate(draft, C.deleteDraft)).toBeVisible();
    await expect(locate(draft, C.withdraw)).toHaveCount(0);
    await expect(locate(queued, C.withdraw)).toBeVisible();
    await expect(locate(queued, C.deleteDraft)).toHaveCount(0);
    await expect(page.getByText(/A locked iPad in a drawer may not send them/)).toBeVisible();
    await locate(draft, C.deleteDraft).click();
    await locate(draft, C.deleteStory).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Only a draft' })).toHaveCount(0);
  },
);
