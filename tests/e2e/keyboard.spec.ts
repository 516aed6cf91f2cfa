// A whole story told with the keyboard only (Tab, Enter, Space, the arrow keys in the service picker):
// after every step change focus is on the step's heading, a control that disappears hands focus on
// (never to the page's top), and the live region says what matters — not every word.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './sendFixtures.ts';
import { waitForDirectory } from './storyJourney.ts';

const announcements = (page: Page) => page.locator('#announcements');

/** Everything the live region says from now on (the app routes in the page: this window lives on). */
async function listen(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const said: string[] = [];
    (window as unknown as { said: string[] }).said = said;
    const region = document.getElementById('announcements');
    if (!region) throw new Error('no live region');
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
}

/** Presses Tab until `target` has focus (a keyboard user's way there), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

async function expectFocusOnStepHeading(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  await expect(focused).toHaveJSProperty('tagName', 'H2');
  await expect(focused).toHaveAttribute('id', 'step-title');
  return (await focused.textContent()) ?? '';
}

async function nextStep(page: Page, key: 'Enter' | 'Space' = 'Enter'): Promise<string> {
  await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
  await page.keyboard.press(key);
  return await expectFocusOnStepHeading(page);
}

test('a whole story by keyboard alone, focus on each step heading, the news said once', async ({
  page,
  app,
}) => {
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
  const said = await listen(page);
  await tabTo(page, page.getByRole('button', { name: 'New story' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Introduce' })).toBeVisible();

  const done = new Set<string>();
  for (let steps = 0; steps < 8; steps++) {
    const heading = await nextStep(page, steps % 2 === 0 ? 'Enter' : 'Space');
    done.add(heading);
    if (heading === 'The story') {
      await tabTo(page, page.getByLabel('What was good'));
      await page.keyboard.type('They came at once every time I rang. ');
      // Typing pauses: "saved" is said once, after the pause; the count is never said word by word.
      await expect(announcements(page)).toHaveText(/saved on this device/);
      await expect(page.getByText(/\b8 words/)).toBeVisible();
      await tabTo(page, page.getByLabel('What would you call this story'));
      await page.keyboard.type('Kind night staff');
    }
    if (heading === 'Services') {
      const search = page.getByRole('combobox', { name: 'Find a service' });
      await tabTo(page, search);
      await page.keyboard.type('st marys');
      await expect(announcements(page)).toHaveText(/\d+ services? found/);
      await page.keyboard.press('ArrowDown');
      await expect(search).toHaveAttribute('aria-activedescendant', /.+/);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('Enter');
      const remove = page.getByRole('button', { name: /^Remove / });
      await expect(remove).toHaveCount(1);
      await expect(search).toBeFocused();
      // "Remove" goes away as it is pressed: focus goes back to the search, never the page's top.
      await tabTo(page, remove);
      await page.keyboard.press('Space');
      await expect(remove).toHaveCount(0);
      await expect(search).toBeFocused();
      await page.keyboard.type('st marys');
      await expect(page.getByRole('option').first()).toBeVisible();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(remove).toHaveCount(1);
    }
    if (heading === 'About the storyteller') {
      await tabTo(page, page.getByLabel('Username'));
      await page.keyboard.type('rugbyfan33');
      // A postcode problem found on leaving the field is said once, through the one live region.
      await tabTo(page, page.getByLabel('Postcode'));
      await page.keyboard.type('nope');
      await page.keyboard.press('Tab');
      const problem = page.locator('#author-postcode-check');
      await expect(problem).not.toBeEmpty();
      await expect(announcements(page)).toHaveText((await problem.textContent()) ?? '');
      await tabTo(page, page.getByRole('button', { name: "Use the service's postcode" }));
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Postcode')).toHaveValue(/\w/);
      await tabTo(page, page.getByRole('textbox', { name: 'Email address' }));
      await page.keyboard.type('storyteller@example.org');
    }
    const consent = page.getByRole('checkbox', { name: /consent/i });
    if ((await consent.count()) > 0 && !(await consent.isChecked())) {
      const who = page.getByRole('textbox', { name: 'Your name' }); // nobody collecting: who takes consent
      if ((await who.count()) > 0) {
        await tabTo(page, who);
        await page.keyboard.type('Jo Staff');
      }
      await tabTo(page, consent);
      await page.keyboard.press('Space');
      await expect(consent).toBeChecked();
    }
    const send = page.getByRole('button', { name: 'Send to Care Opinion' });
    if ((await send.count()) > 0) {
      await expect(send).toBeEnabled();
      await tabTo(page, send);
      await page.keyboard.press('Enter');
      break;
    }
  }
  expect([...done]).toEqual(expect.arrayContaining(['The story', 'Services', 'About the storyteller']));
  // "Send to Care Opinion" is gone: focus is on what became of the story, and the queue is announced.
  const after = page.getByRole('heading', { level: 2, name: /Waiting to send|Sending|Sent/ });
  await expect(after).toBeFocused();
  await expect(announcements(page)).toHaveText(/send queue|sent to Care Opinion/);
  await expect(page.locator('body')).not.toBeFocused();
  const heard = (await said()).filter((words) => words !== '');
  // Never a word count under 100 words, never "Saving…", and "saved" only after pauses.
  expect(heard.filter((words) => /words|Saving/.test(words))).toEqual([]);
  expect(heard.filter((words) => /saved on this device/.test(words)).length).toBeLessThan(5);
});

test('Back to the first step moves focus to the step heading; a missing-field link, to its field', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New story' }).click();
  // The step ("1 of 5 · Introduce") opens the list of steps.
  await tabTo(page, page.getByRole('button', { name: '1 of 5 · Introduce' }));
  await page.keyboard.press('Enter');
  const last = page.getByRole('navigation').getByRole('button').last();
  await tabTo(page, last);
  await page.keyboard.press('Enter');
  await expectFocusOnStepHeading(page);
  // Each thing still missing is a link to its step's field; pressing it focuses that field.
  const missing = page.getByRole('link', { name: /Go to The story/ }).first();
  await tabTo(page, missing);
  await page.keyboard.press('Enter');
  // The first thing missing there is the story's words: the link lands on the guide's first question.
  await expect(page.getByRole('textbox', { name: /^What was good/ })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Back', exact: true }));
  await page.keyboard.press('Enter');
  expect(await expectFocusOnStepHeading(page)).toBe('Introduce');
});

/** The field's first lines show between the top of the screen and the top of the Back/Next bar. */
function shownAboveBar(field: Locator): Promise<string> {
  return field.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const bar = document.querySelector('[data-bottom-bar]')?.getBoundingClientRect();
    if (!bar) return 'no bar';
    if (bar.bottom > window.innerHeight + 1)
      return `bar below the screen (${bar.bottom} > ${window.innerHeight})`;
    const lines = Math.min(box.height, 60);
    if (box.top < 0 || box.top + lines > bar.top)
      return `hidden: field ${box.top}–${box.bottom}, bar at ${bar.top}`;
    return 'shown';
  });
}

test('the field being typed in stays above the on-screen keyboard and the Back/Next bar', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  for (const [width, height, keyboard] of [
    [820, 1180, 420],
    [1180, 820, 390],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const label of [
      'What could have been different',
      'What was good',
      'What would you call this story',
    ]) {
      const field = page.getByLabel(label);
      await field.focus();
      await expect.poll(() => shownAboveBar(field)).toBe('shown');
      // The keyboard opens: the viewport shrinks as iPadOS shrinks the visual viewport.
      await page.setViewportSize({ width, height: height - keyboard });
      await expect
        .poll(() => shownAboveBar(field), { message: `${label} at ${width}×${height}` })
        .toBe('shown');
      await page.keyboard.type('x');
      await expect.poll(() => shownAboveBar(field)).toBe('shown');
      await page.setViewportSize({ width, height });
    }
  }
});
