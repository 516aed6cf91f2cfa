// Issue 24, items 7 and 8: the story's compact header leaves the first field of every step on the
// first view at 200 % text, in portrait and landscape; forms submitted with problems show the GOV.UK
// error summary, focused, whose links move focus to the field, each error also on its field.
import type { Page } from '@playwright/test';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { expect, test } from './fixtures.ts';
import { startStory, stepHeading } from './storyJourney.ts';

// "Check and finish" reads the story back before its first field (consent), by design: not measured.
const STEPS = ['Introduce', 'The story', 'Services', 'About the storyteller'];

/** Where the step's first field (or, on Introduce, the words to read out) is, against the viewport and the top of the Back/Next bar. */
async function firstFieldPlace(page: Page) {
  return page.evaluate(() => {
    const fields = document.querySelectorAll('.step-body input, .step-body textarea, .step-body select');
    // Introduce has no field since the focus theme moved to the Story step: its script to read out.
    const field =
      [...fields].find((el) => el instanceof HTMLElement && el.checkVisibility()) ??
      document.querySelector('.step-body blockquote.script');
    const bar = document.querySelector('[data-bottom-bar]')?.getBoundingClientRect();
    if (!field || !bar) return null;
    const box = (field.closest('label') ?? field).getBoundingClientRect();
    // The script runs on below the bar: its opening lines are what must show.
    const bottom = field.matches('blockquote') ? Math.min(box.bottom, box.top + 60) : box.bottom;
    return { top: Math.round(box.top), bottom: Math.round(bottom), barTop: Math.round(bar.top), scrollY };
  });
}

for (const size of [
  { name: 'portrait', width: 820, height: 1180 },
  { name: 'landscape', width: 1180, height: 820 },
]) {
  test(`at 200 % text in ${size.name}, every step's first field shows above the Back/Next bar`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(size);
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Text size').selectOption({ label: '200%' });
    await expect(page.locator('html')).toHaveAttribute('data-text-size', '200');
    await page.getByRole('link', { name: 'Home' }).click();
    await startStory(page);
    const problems: string[] = [];
    for (const [index, step] of STEPS.entries()) {
      if (index > 0) {
        await locate(page, C.next).click();
        await expect(stepHeading(page, step)).toBeVisible();
      }
      const place = await firstFieldPlace(page);
      if (!place) problems.push(`${step}: no field`);
      else if (place.scrollY !== 0 || place.top < 0 || place.bottom > place.barTop)
        problems.push(`${step}: ${JSON.stringify(place)}`);
    }
    expect(problems).toEqual([]);
  });
}

test('the compact header: the step opens the list of steps; Home, hand-over and Lock stay one tap away', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await startStory(page);
  await locate(page, C.next).click();
  const toggle = page.getByRole('button', { name: '2 of 5 · The story' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('button', { name: 'Services', exact: true })).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Escape');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
  await toggle.click();
  await page.getByRole('button', { name: 'Services', exact: true }).click();
  await expect(stepHeading(page, 'Services')).toBeVisible();
  await expect(page.getByRole('button', { name: '3 of 5 · Services' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  for (const c of [C.home, C.handToStoryteller, C.lock]) await expect(locate(page, c)).toBeVisible();
  // "Hand to the storyteller" is a secondary button: the step's one primary button is Next.
  await expect(locate(page, C.handToStoryteller)).not.toHaveClass(/button-primary/);
});

test('Start collecting submitted empty: the error summary takes the focus, its link focuses the name', async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}/session`);
  await page.getByRole('button', { name: 'Start collecting' }).click();
  const summary = page.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(locate(summary, C.thereIsAProblem)).toBeVisible();
  await expect(summary.getByRole('alert')).toContainText('There is a problem');
  const name = page.getByRole('textbox', { name: 'Your name' });
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/Error: Enter your name/);
  await summary.getByRole('link', { name: /Enter your name/ }).click();
  await expect(name).toBeFocused();
});

test("Settings: the recovery code's refusal is on its field, beside the address that needs it", async ({
  page,
  app,
}) => {
  await page.goto(`${app.url}/settings`);
  await page.getByLabel('API address').fill('https://relay.damson-example.org/api/v2');
  const code = page.getByLabel('Recovery code');
  await expect(code).toBeVisible();
  await locate(page, C.save).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(/Error:.*recovery code/i);
  // Beside the field: the message is within a few lines of the code, not under Save far below.
  const field = await code.boundingBox();
  const message = await page.locator('.field-error .field-message').first().boundingBox();
  expect(field && message && Math.abs(field.y - message.y)).toBeLessThan(200);
  await page.locator('.error-summary').getByRole('link').first().click();
  await expect(code).toBeFocused();
});

test('with the keyboard up in landscape, the email field and "No email address" are above the Back/Next bar', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1180, height: 820 });
  await page.goto(app.url);
  await startStory(page);
  for (const step of STEPS.slice(1)) {
    await locate(page, C.next).click();
    await expect(stepHeading(page, step)).toBeVisible();
  }
  const email = locate(page, C.email);
  await email.focus();
  // The keyboard opens: the viewport shrinks as iPadOS shrinks the visual viewport.
  await page.setViewportSize({ width: 1180, height: 820 - 390 });
  // How far the "No email address" row reaches below the top of the Back/Next bar (≤ 0: above it).
  const below = () =>
    page.evaluate(() => {
      const row = document.querySelector('#author-email')?.closest('.field')?.querySelector('.check-row');
      const bar = document.querySelector('[data-bottom-bar]');
      if (!row || !bar) return Number.POSITIVE_INFINITY;
      return row.getBoundingClientRect().bottom - bar.getBoundingClientRect().top;
    });
  await expect.poll(below).toBeLessThanOrEqual(0);
  await expect(locate(page, C.noEmail)).toBeInViewport();
  expect((await email.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
});
