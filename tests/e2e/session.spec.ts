// A collecting session (issue 15, item 2): "Start collecting" says who collects now; their name is
// read out in the introduction and recorded as consent.recordedBy in what Care Opinion receives; the
// session's service is offered first; Home counts real sends this session; "End session" clears it.
// Issue 24, item 1: the session lasts the shift — an idle lock keeps it, and after Settings' long idle
// the next unlock asks "Still …?" with one tap to carry on.
import { CONTROLS, locate } from '../tools/controls.ts';
import { PIN } from './fixtures.ts';
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

test('the session lasts the shift: an idle lock keeps it; after the long idle, one tap carries on', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  // 09:00 local: the shift's clock, driven by the test (no midnight within it).
  await page.clock.install({ time: new Date(2026, 2, 2, 9, 0) });
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await locate(page, CONTROLS.startCollecting).click();
  await page.getByLabel('Your name').fill('Sam');
  await page.getByLabel('Your role').fill('Staff Nurse');
  await page.getByRole('combobox', { name: 'Find a service' }).fill('st marys');
  await page.getByRole('option', { name: /^St Mary's Hospital — Kingsmere/ }).click();
  await locate(page, CONTROLS.startCollecting).click();
  const collecting = page.getByText('Collecting as Sam, Staff Nurse');
  await expect(collecting).toBeVisible();

  // From here the test types the PIN itself, so it sees each lock happen.
  await page.removeLocatorHandler(locate(page, CONTROLS.unlock));
  const locked = page.getByRole('heading', { name: 'Story Collector is locked' });
  const unlock = async () => {
    await expect(locked).toBeVisible();
    await locate(page, CONTROLS.pin).fill(PIN);
    await locate(page, CONTROLS.unlock).click();
  };

  // A ward interruption: the idle lock (5 minutes) comes; the unlock goes straight back to the session.
  await page.clock.fastForward(4 * 60_000 + 35_000);
  await expect(page.getByRole('alert').filter({ hasText: 'Still there?' })).toBeVisible();
  await page.clock.fastForward(40_000);
  await unlock();
  await expect(collecting).toBeVisible();
  await expect(page.getByText(/^Services: St Mary's Hospital/)).toBeVisible();
  await expect(locate(page, CONTROLS.startCollecting)).toHaveCount(0);

  // Locked and left for the long idle (Settings' default, 2 hours): the session has ended, and the
  // next unlock asks whether the same person carries on — one tap, nothing typed.
  await locate(page, CONTROLS.lock).click();
  await expect(locked).toBeVisible();
  await page.clock.fastForward(2 * 60 * 60_000 + 60_000);
  await unlock();
  const still = page.getByText(/^Still Sam, Staff Nurse, on St Mary's Hospital/);
  await expect(still).toBeVisible();
  await expect(collecting).toHaveCount(0);
  await locate(page, CONTROLS.carryOn).click();
  await expect(collecting).toBeVisible();
  await expect(page.getByText(/^Services: St Mary's Hospital/)).toBeVisible();
  await expect(still).toHaveCount(0);
});

test('with nobody collecting, consent asks who takes it and records that name, never "Staff member"', async ({
  page,
  app,
  sandbox,
}) => {
  test.setTimeout(120_000);
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await expect(locate(page, CONTROLS.startCollecting)).toBeVisible(); // no session
  await tell(page, 'Told with nobody collecting', 'Draft');
  const consent = locate(page, CONTROLS.consent);
  const who = locate(page, CONTROLS.consentTakenBy);
  await expect(who).toBeVisible();
  await consent.click(); // no name yet: the tick waits for it, and the field says why
  await expect(consent).not.toBeChecked();
  await expect(page.getByText('Enter your name: it records who took consent.')).toBeVisible();
  await expect(who).toHaveAttribute('aria-invalid', 'true');
  await who.fill('Jo Bloggs');
  await consent.check();
  await expect(page.getByText(/Consent recorded at .* by Jo Bloggs\./)).toBeVisible();
  await locate(page, CONTROLS.send).click();
  // Queued: the closing words show once the story is stored to send (leaving sooner could lose the tap).
  await expect(locate(page, CONTROLS.readThisOut)).toBeVisible();
  await page.goto(app.url);
  await expectSent(page, 'Told with nobody collecting');
  const story = (await received(sandbox)).find((r) => r.title === 'Told with nobody collecting');
  expect(story?.body.consent?.recordedBy).toBe('Jo Bloggs');
});
