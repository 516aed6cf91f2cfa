// Hand-over mode (issue 15 §1): the storyteller holds the iPad and reaches only their own story's
// fields, Back and Next — checked in the accessibility tree, not only on screen; "Give back to staff"
// needs the staff PIN; an idle or hidden auto-lock goes to the Lock screen and every typed word is
// still there after unlocking. And (§3) "Still there?" before the idle lock, and the screen wake lock
// held only while a story is open.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { expect, PIN, test } from './fixtures.ts';
import { next, saveStatus, startStory, stepHeading, storedStoryUrl } from './storyJourney.ts';

const OTHER_TITLE = 'Quince ward breakfast trolley';
const TITLE = 'Heron clinic plaster room';
const BODY = 'The technician Ravensworth warmed the plaster first and told me every step before doing it';
const MORE = 'and my daughter Philippa could stay';

/** Every link and button name in the page's accessibility tree (what a screen reader can reach). */
async function reachable(page: Page): Promise<{ links: string[]; buttons: string[]; tree: string }> {
  const tree = await page.locator('body').ariaSnapshot();
  const names = (role: string) =>
    [...tree.matchAll(new RegExp(`- ${role} "([^"]*)"`, 'g'))].map((m) => m[1] ?? '');
  return { links: names('link'), buttons: names('button'), tree };
}

const STAFF_ONLY = [
  'Home',
  'Settings',
  'Lock',
  'Withdraw',
  'New story',
  'Hand to the storyteller',
  'Send to Care Opinion',
  'Steps of the story',
  'Follow-up prompts',
  'Read this out',
  'read this out',
  'Delete this story',
  'End session',
  'textbox "Focus theme', // the field (the read-back may show the theme itself)
  OTHER_TITLE,
];

/** The storyteller's view: no staff-only control, script or other story anywhere in the tree. */
async function expectStorytellerOnly(page: Page, where: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Your story' })).toBeVisible();
  const { links, buttons, tree } = await reachable(page);
  expect(links, where).toEqual([]);
  // The story's own fields' buttons are fine: a chosen service's "Remove …", "Use the service's postcode",
  // the first words offered as the title ("Use “…” as the title").
  const allowed = new Set([
    'Give back to staff',
    'Back',
    'Next',
    'Return to staff',
    'Keep going',
    'Why do we ask?',
  ]);
  expect(
    buttons.filter(
      (name) => !allowed.has(name) && !/^Remove |^Use the service|^Use “.+” as the title$|^Add /.test(name),
    ),
    where,
  ).toEqual([]);
  for (const words of STAFF_ONLY) expect(tree, `${where}: ${words}`).not.toContain(words);
  for (const role of ['navigation', 'complementary'] as const)
    await expect(page.getByRole(role), where).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link')).toHaveCount(0);
}

async function tellOtherStory(page: Page): Promise<void> {
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What would you call this story').fill(OTHER_TITLE);
  await expect(saveStatus(page)).toHaveText('Saved on this device');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: OTHER_TITLE })).toBeVisible();
}

test('hand-over shows only this story; "Give back to staff" needs the PIN; nothing typed is lost', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await tellOtherStory(page);
  await startStory(page);
  await next(page, 'The story');
  await page.getByLabel('What would you call this story').fill(TITLE);
  const url = await storedStoryUrl(page);
  const before = await reachable(page);
  for (const words of ['Home', 'Lock', 'Hand to the storyteller']) expect(before.tree).toContain(words);
  await expect(page.getByRole('complementary', { name: 'Follow-up prompts' })).toBeVisible();

  await page.getByRole('button', { name: 'Hand to the storyteller' }).click();
  await expectStorytellerOnly(page, 'The story');
  await page.getByLabel('What happened').fill(BODY);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

  // Every step the storyteller can move to, both ways.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(stepHeading(page, 'Introduce')).toBeVisible();
  await expectStorytellerOnly(page, 'Introduce');
  // Hand-over mode has no Services step (issue 24 §5): staff add services before or after.
  for (const step of ['The story', 'About the storyteller', 'Check and finish']) {
    // Next waits for "Who is telling the story", the storyteller's own choice.
    if (step === 'Check and finish') await locate(page, C.iAmCarer).check();
    await next(page, step);
    await expectStorytellerOnly(page, step);
  }
  // The browser's way back (a gesture, a key) does not leave the story either.
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(url);
  await expectStorytellerOnly(page, 'after history.back()');

  // A wrong PIN keeps the mode and says so.
  await page.getByRole('button', { name: 'Give back to staff' }).click();
  await page.getByLabel('PIN', { exact: true }).fill('135792');
  await page.getByRole('button', { name: 'Return to staff' }).click();
  await expect(page.getByText('That PIN is not right')).toBeVisible();
  await expectStorytellerOnly(page, 'after a wrong PIN');

  await page.getByLabel('PIN', { exact: true }).fill(PIN);
  await page.getByRole('button', { name: 'Return to staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Telling a story' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hand to the storyteller' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Steps of the story' })).toBeVisible();
  await page.getByRole('button', { name: /^\d of 5 · / }).click();
  await page.getByRole('button', { name: 'The story', exact: true }).click();
  await expect(page.getByLabel('What would you call this story')).toHaveValue(TITLE);
  await expect(page.getByLabel('What happened')).toHaveValue(BODY);
});

/** "Question N of 4": the mode's own count, shown with the step. */
function progress(page: Page) {
  return page.getByText(/^Question \d of \d$/);
}

test('hand-over speaks to the storyteller: no Services step, who they are asked, "Question 1 of 4", consent to "you"', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  // Staff set a focus theme for this story (on its Story step), then hand over on the first step.
  await next(page, 'The story');
  await page.getByRole('radio', { name: 'Another theme' }).check();
  await page.getByRole('textbox', { name: 'Theme for this story' }).fill('Discharge lounge');
  await storedStoryUrl(page);
  await locate(page, C.back).click();
  await expect(stepHeading(page, 'Introduce')).toBeVisible();
  await locate(page, C.handToStoryteller).click();
  await expect(stepHeading(page, 'Introduce')).toBeVisible();
  await expect(progress(page)).toHaveText('Question 1 of 4');

  await next(page, 'The story');
  await expect(progress(page)).toHaveText('Question 2 of 4');
  await locate(page, C.happened).fill(BODY);

  // Next goes straight past Services: no naming rules, no "This session's services", no search.
  await next(page, 'About the storyteller');
  await expect(progress(page)).toHaveText('Question 3 of 4');
  await expect(locate(page, C.findService)).toHaveCount(0);
  await locate(page, C.username).fill('heronpatient7');
  await page.getByRole('textbox', { name: 'Postcode' }).fill('NG5 1PB');
  await locate(page, C.noEmail).check();

  // Who is telling the story: the storyteller's words, no staff role, nothing chosen for them.
  const who = page.getByRole('group', { name: /Who is telling the story/ });
  await expect(who.getByRole('radio')).toHaveCount(5);
  for (const radio of await who.getByRole('radio').all()) await expect(radio).not.toBeChecked();
  await expect(locate(page, C.iAmPatient)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Who is telling the story' })).toHaveCount(0);
  const tree = await page.locator('body').ariaSnapshot();
  expect(tree).not.toMatch(/behalf/i);
  expect(tree).not.toContain('Staff member');

  // Next waits for the choice, says why on the field, and takes the storyteller there.
  await locate(page, C.next).click();
  await expect(stepHeading(page, 'About the storyteller')).toBeVisible();
  await expect(who).toContainText('Choose who is telling the story');
  await expect(locate(page, C.iAmPatient)).toBeFocused();
  await locate(page, C.iAmCarer).check();
  await expect(who).not.toContainText('Choose who is telling the story');

  await next(page, 'Check and finish');
  await expect(progress(page)).toHaveText('Question 4 of 4');
  const readBack = page.locator('dl');
  await expect(readBack).toContainText('I am a carer');
  await expect(readBack).toContainText('No email address');
  const end = await page.locator('body').ariaSnapshot();
  for (const words of [
    'behalf',
    'Staff member posting',
    'Focus theme',
    'Discharge lounge',
    'The storyteller can',
  ])
    expect(end, words).not.toContain(words);
  await expect(page.getByText(/You can withdraw it at any time/)).toBeVisible();

  // Back skips Services too; staff mode, given back, keeps every step and today's words.
  await locate(page, C.back).click();
  await expect(stepHeading(page, 'About the storyteller')).toBeVisible();
  await locate(page, C.giveBack).click();
  await locate(page, C.pin).fill(PIN);
  await locate(page, C.returnToStaff).click();
  await expect(progress(page)).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Who is telling the story' })).toHaveValue('carer');
  await locate(page, C.back).click();
  await expect(stepHeading(page, 'Services')).toBeVisible();
});

test.describe('with the Lock screen left to the test', () => {
  test.use({ autoUnlock: false });

  async function setPin(page: Page): Promise<void> {
    await page.getByLabel('Choose a PIN').fill(PIN);
    await page.getByLabel('Confirm PIN').fill(PIN);
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await page.getByRole('button', { name: 'I have saved the code' }).click();
    await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  }

  async function unlock(page: Page): Promise<void> {
    await page.getByLabel('PIN', { exact: true }).fill(PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
  }

  async function setVisible(page: Page, visible: boolean): Promise<void> {
    await page.evaluate((visible) => {
      if (visible) {
        Reflect.deleteProperty(document, 'visibilityState');
        Reflect.deleteProperty(document, 'hidden');
      } else {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
      }
      document.dispatchEvent(new Event('visibilitychange'));
    }, visible);
  }

  test('"Still there?" 30 s before the idle lock; an idle or hidden lock in hand-over keeps every word', async ({
    page,
    app,
  }) => {
    await page.clock.install();
    await page.goto(app.url);
    await setPin(page);
    await startStory(page);
    await next(page, 'The story');
    // Handed over before the first answer: the story's address becomes its own as it is typed.
    await page.getByRole('button', { name: 'Hand to the storyteller' }).click();
    await page.getByLabel('What would you call this story').fill(TITLE);
    const url = await storedStoryUrl(page);
    await page.getByLabel('What happened').fill(BODY);

    // Idle (5 minutes by default): warned, announced, and "Keep open" starts the time again.
    const warning = page.getByRole('alert').filter({ hasText: 'Still there?' });
    await page.clock.fastForward(4 * 60_000);
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward(40_000); // the warning came at 4 min 30 s; the jump shows it later
    await expect(warning).toBeVisible();
    await expect(warning).toContainText(/locks in \d+ seconds?/);
    await warning.getByRole('button', { name: 'Keep open' }).click();
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward(4 * 60_000);
    await expect(warning).toHaveCount(0);
    await page.clock.fastForward(40_000);
    await expect(warning).toBeVisible();
    await page.getByLabel('What happened').pressSequentially(` ${MORE}`);
    await expect(warning).toHaveCount(0); // typing is someone being there
    await page.clock.fastForward(5 * 60_000);
    await expect(page.getByRole('heading', { name: 'Story Collector is locked' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New story' })).toHaveCount(0);
    await expect(page).toHaveURL(url);

    // Staff unlock: the same story, at the same step, in staff mode, with every word.
    await unlock(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Telling a story' })).toBeVisible();
    await expect(page.getByLabel('What would you call this story')).toHaveValue(TITLE);
    await expect(page.getByLabel('What happened')).toHaveValue(`${BODY} ${MORE}`);

    // Hidden for more than a minute while in the mode: the Lock screen on return, then the story.
    await page.getByRole('button', { name: 'Hand to the storyteller' }).click();
    await page.getByLabel('What could have been different').fill(MORE);
    await setVisible(page, false);
    await page.clock.fastForward(61_000);
    await setVisible(page, true);
    await expect(page.getByRole('heading', { name: 'Story Collector is locked' })).toBeVisible();
    await unlock(page);
    await expect(page.getByLabel('What could have been different')).toHaveValue(MORE);
    await expect(page.getByLabel('What happened')).toHaveValue(`${BODY} ${MORE}`);
  });

  test('the screen wake lock is held while a story is open, and let go when it closes', async ({
    page,
    app,
  }) => {
    await page.addInitScript(() => {
      const wake = { requests: 0, held: 0 };
      Object.assign(window, { __wake: wake });
      Object.defineProperty(navigator, 'wakeLock', {
        configurable: true,
        value: {
          async request() {
            wake.requests += 1;
            wake.held += 1;
            const listeners: (() => void)[] = [];
            let released = false;
            return {
              get released() {
                return released;
              },
              addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
              async release() {
                if (released) return;
                released = true;
                wake.held -= 1;
                for (const listener of listeners) listener();
              },
            };
          },
        },
      });
    });
    const held = () => page.evaluate(() => (window as unknown as { __wake: { held: number } }).__wake.held);
    await page.goto(app.url);
    await setPin(page);
    expect(await held()).toBe(0);
    await startStory(page);
    await expect.poll(held).toBe(1);
    await next(page, 'The story');
    await page.getByLabel('What would you call this story').fill(TITLE);
    await storedStoryUrl(page);
    await page.getByRole('link', { name: 'Home' }).click();
    await expect.poll(held).toBe(0);
    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(held).toBe(1);
    await page.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Story Collector is locked' })).toBeVisible();
    await expect.poll(held).toBe(0);
  });
});
