// A collecting session (issue 15, item 2): "Start collecting" says who collects now; their name is
// read out in the introduction and recorded as consent.recordedBy in what Care Opinion receives; the
// session's service is offered first; Home counts real sends this session; "End session" clears it.
import { expect, expectSent, received, tell, test } from './sendFixtures.ts';
import { next, startStory, waitForDirectory } from './storyJourney.ts';

test('a session’s name is recorded as consent.recordedBy in the story Care Opinion receives', async ({
  page,
  app,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await page.getByLabel('Your name').fill('Priya Shah');
  await page.getByLabel('Your role').fill('volunteer');
  await page.getByRole('combobox', { name: 'Find a service' }).fill('st marys');
  await page.getByRole('option', { name: /^St Mary's Hospital — Kingsmere/ }).click();
  await page.getByLabel('Focus theme (optional)').fill('discharge');
  await page.getByRole('button', { name: 'Start collecting' }).click();
  await expect(page.getByText('Collecting as Priya Shah, volunteer')).toBeVisible();

  // The introduction reads the session out; the session's service is offered before anything is typed.
  await startStory(page);
  await expect(page.getByText(/My name is Priya Shah, and I'm a volunteer\./)).toBeVisible();
  await expect(page.getByText(/especially interested in discharge/)).toBeVisible();
  await next(page, 'The story');
  await next(page, 'Services');
  await page.getByRole('button', { name: "Add St Mary's Hospital" }).click();
  await expect(page.getByRole('button', { name: "Remove St Mary's Hospital" })).toBeVisible();

  await tell(page, 'Told in a session', 'Sent');
  await page.goto(app.url);
  await expectSent(page, 'Told in a session');
  const story = (await received(sandbox)).find((r) => r.title === 'Told in a session');
  expect(story?.body.consent?.recordedBy).toBe('Priya Shah');
  expect(story?.body.focusTheme).toBe('discharge');

  // Counted from what was really sent: a reload (and the unlock after it) keeps the number.
  await expect(page.getByRole('status').filter({ hasText: '1 sent this session' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: '1 sent this session' })).toBeVisible();
  await expect(page.getByText(/Today: 1 collected · 0 waiting · 1 sent/)).toBeVisible();

  // "End session" clears it and locks (the fixture types the PIN again): nobody is collecting now.
  await page.getByRole('button', { name: 'End session' }).click();
  await expect(page.getByRole('button', { name: 'Start collecting' })).toBeVisible();
  await expect(page.getByText('Collecting as Priya Shah')).toHaveCount(0);
  await expect(page.getByText('sent this session')).toHaveCount(0);
});
