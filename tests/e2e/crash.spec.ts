// A page crashed right after "Saved on this device" loses nothing: the text is there when reopened.
import { expect, test } from './fixtures.ts';
import { next, saveStatus, startStory, storedStoryUrl } from './storyJourney.ts';

const TEXT = 'Typed just before the crash: every word of this must come back.';

test('a crashed page keeps the text saved before the crash', async ({ page, context, app }) => {
  await page.goto(app.url);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What happened').fill(TEXT);
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  const url = await storedStoryUrl(page);

  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  cdp.send('Page.crash').catch(() => undefined); // the page dies: no answer comes back
  await crashed;

  const reopened = await context.newPage();
  await reopened.goto(url);
  await expect(reopened.getByRole('heading', { level: 2, name: 'The story' })).toBeVisible();
  await expect(reopened.getByLabel('What happened')).toHaveValue(TEXT);
});
