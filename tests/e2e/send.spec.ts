// Sending exactly once, cross-origin: stories told offline all arrive once the device is back
// online, also with faults on; a refused key pauses and loses nothing; no consent, no upload.
import { recoveryCodeOf } from './fixtures.ts';
import {
  expect,
  expectSent,
  holdStories,
  prepareOffline,
  received,
  setFaults,
  tell,
  test,
  waitForHeld,
} from './sendFixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  giveConsent,
  next,
  startStory,
  waitForDirectory,
} from './storyJourney.ts';

function titlesOf(list: { title: string }[]): string[] {
  return list.map((r) => r.title).sort();
}

test('stories told offline are all sent once online, each received exactly once', async ({
  page,
  context,
  app,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await prepareOffline(page, context, app.url);
  await tell(page, 'Offline story one', 'Waiting to send');
  await tell(page, 'Offline story two', 'Waiting to send');
  await page.goto(app.url);
  await expect(page.getByText('2 waiting to send')).toBeVisible();
  expect(await received(sandbox)).toEqual([]);

  await context.setOffline(false);
  await expectSent(page, 'Offline story one');
  await expectSent(page, 'Offline story two');
  await expect(page.getByText(/0 waiting to send · last sent \d\d:\d\d/)).toBeVisible();
  const got = await received(sandbox);
  expect(titlesOf(got)).toEqual(['Offline story one', 'Offline story two']);
  expect(new Set(got.map((r) => r.idempotencyKey)).size).toBe(2);
});

test('with 30% 5xx and 20% commit-then-drop, every story still arrives exactly once, with no tap', async ({
  page,
  context,
  app,
  sandbox,
}) => {
  test.setTimeout(180_000);
  await prepareOffline(page, context, app.url);
  const titles = ['Faulty one', 'Faulty two', 'Faulty three'];
  for (const title of titles) await tell(page, title, 'Waiting to send');
  await setFaults(sandbox, { error5xx: 0.3, commitThenDrop: 0.2, seed: 11 });
  await page.goto(app.url);
  await context.setOffline(false);
  for (const title of titles) await expectSent(page, title, 150_000);
  expect(titlesOf(await received(sandbox))).toEqual([...titles].sort());
});

test.describe('with a key that is not accepted', () => {
  test.use({ appKey: 'wrong-key' });

  test('the queue pauses with a message and loses nothing; fixing the key sends', async ({
    page,
    app,
    sandbox,
  }) => {
    test.setTimeout(120_000);
    await page.goto(app.url);
    await tell(page, 'Held by the key', 'Waiting to send', { typedService: true });
    await page.goto(app.url);
    await expect(page.getByRole('alert').filter({ hasText: /key/ })).toContainText('not accepted');
    const row = page.getByRole('listitem').filter({ hasText: 'Held by the key' });
    await expect(row.getByText('Waiting to send', { exact: true })).toBeVisible();
    expect(await received(sandbox)).toEqual([]);

    await page.getByRole('link', { name: 'Fix the key' }).click();
    await page.getByLabel('Subscription key').fill('sandbox-key');
    await page.getByLabel('Recovery code').fill(recoveryCodeOf(page));
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Home' }).click();
    await expectSent(page, 'Held by the key');
    await expect(page.getByRole('alert').filter({ hasText: /key/ })).toHaveCount(0);
    expect(titlesOf(await received(sandbox))).toEqual(['Held by the key']);
  });
});

test('two open tabs produce no duplicate', async ({ page, context, app, sandbox }) => {
  test.setTimeout(120_000);
  await prepareOffline(page, context, app.url);
  const second = await context.newPage();
  await second.goto(app.url);
  await tell(page, 'Two tabs one', 'Waiting to send');
  await tell(second, 'Two tabs two', 'Waiting to send');
  // Story posts are held in flight (not a latency to land in) while both tabs are online.
  await holdStories(sandbox, 'hold');
  await Promise.all([page.goto(app.url), second.goto(app.url)]);
  // Both tabs hear "online" at the same moment, and both try to send.
  await context.setOffline(false);
  // (Playwright waits on each tab, so the fixture unlocks both; a locked tab never sends.)
  for (const tab of [page, second])
    await expect(tab.getByText(/waiting to send|Sending \d of 2/).first()).toBeVisible();
  // Both stories are out at once (the queue keeps a few in flight), one post each, from one tab.
  const held = await waitForHeld(sandbox, 2);
  expect(new Set(held).size, 'one post per story').toBe(2);
  await holdStories(sandbox, 'release');
  await expectSent(page, 'Two tabs one');
  await expectSent(page, 'Two tabs two');
  await expectSent(second, 'Two tabs one');
  expect(titlesOf(await received(sandbox))).toEqual(['Two tabs one', 'Two tabs two']);
  const stats = (await (await fetch(`${sandbox.origin}/__sandbox/stats`)).json()) as { conflicts: number };
  expect(stats.conflicts, 'never a second request for a story while its first was held').toBe(0);
});

test('a story without consent never reaches Care Opinion', async ({ page, context, app, sandbox }) => {
  test.setTimeout(120_000);
  await prepareOffline(page, context, app.url);
  await tell(page, 'No consent given', 'Draft');
  await tell(page, 'Consent given', 'Waiting to send');
  await page.goto(app.url);
  await context.setOffline(false);
  await expectSent(page, 'Consent given');
  await expect(page.getByText(/0 waiting to send/)).toBeVisible();
  const got = await received(sandbox);
  expect(titlesOf(got)).toEqual(['Consent given']);
  expect(got.every((r) => r.body.consent?.publish === true)).toBe(true);
  const draftRow = page.getByRole('listitem').filter({ hasText: 'No consent given' });
  await expect(draftRow.getByText('Draft', { exact: true })).toBeVisible();
});

test('a page killed while sending causes no duplicate', async ({ page, context, app, sandbox }) => {
  test.setTimeout(120_000);
  await prepareOffline(page, context, app.url);
  await tell(page, 'Killed mid-send', 'Waiting to send');
  // The sandbox holds the post once its key is claimed: the story stays "Sending" while the test looks.
  await holdStories(sandbox, 'hold');
  await page.goto(app.url);
  await context.setOffline(false);
  await expect(page.getByText(/Sending 1 of 1/)).toBeVisible(); // (a Playwright wait: the fixture unlocks)
  const [key] = await waitForHeld(sandbox, 1);
  await expect(page.getByText(/Sending 1 of 1/), 'still sending while held').toBeVisible();
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
  await holdStories(sandbox, 'release');
  // The story was left "sending": the reopened app resumes it with the same Idempotency-Key.
  const reopened = await context.newPage();
  await reopened.goto(app.url);
  await expectSent(reopened, 'Killed mid-send');
  const got = await received(sandbox);
  expect(got.map((r) => [r.title, r.idempotencyKey])).toEqual([['Killed mid-send', key]]);
});

test('a refused username shows "Needs attention" with the field in words; fixing it sends the story', async ({
  page,
  app,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, {
    title: 'Refused at first',
    body: 'What happened.',
    good: 'Care.',
    different: 'Waits.',
  });
  await next(page, 'Services');
  await chooseStMarys(page);
  await next(page, 'About the storyteller');
  await fillStoryteller(page, { username: 'reject-me-please' });
  await next(page, 'Check and finish');
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Needs attention' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Username:')).toBeVisible();
  expect(await received(sandbox)).toEqual([]);

  await page.getByRole('button', { name: /Fix in .About the storyteller./ }).click();
  await expect(page.getByLabel('Username')).toHaveValue('reject-me-please');
  await page.getByLabel('Username').fill('rugbyfan33');
  await next(page, 'Check and finish');
  // The username changed after consent was given: consent is asked for again.
  await expect(page.getByText('Consent was cleared because the story changed')).toBeVisible();
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: 'Sent', exact: true })).toBeVisible({ timeout: 60_000 });
  await page.goto(app.url);
  await expectSent(page, 'Refused at first');
  const got = await received(sandbox);
  expect(titlesOf(got)).toEqual(['Refused at first']);
});
