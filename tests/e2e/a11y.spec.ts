// Accessibility on an iPad: axe finds no serious or critical problem on Home, Settings, "Start collecting"
// and every story step, and every visible control is a touch target of at least 44 × 44 px.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  next,
  startStory,
  waitForDirectory,
} from './storyJourney.ts';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad).toEqual([]);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll('button, input, select, textarea, summary, [role="option"]')) {
      if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
      // A checkbox or radio button is touched through its whole label.
      const box =
        el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
          ? (el.closest('label') ?? el)
          : el;
      const r = box.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) out.push(`${el.outerHTML.slice(0, 70)} ${r.width}×${r.height}`);
    }
    return out;
  });
  expect(small, where).toEqual([]);
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
]) {
  test(`Home, Settings and every story step are accessible at ${viewport.width}×${viewport.height}`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(viewport);
    await waitForDirectory(page, app.url);
    await expectAccessible(page, 'Settings');
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('button', { name: 'New story' })).toBeVisible();
    await expectAccessible(page, 'Home (empty)');
    await page.getByRole('button', { name: 'Start collecting' }).click();
    await page.getByLabel('Your name').fill('Sam');
    await chooseStMarys(page);
    await expectAccessible(page, 'Start collecting');
    await page.getByRole('button', { name: 'Start collecting' }).click();
    await expect(page.getByRole('button', { name: 'End session' })).toBeVisible();
    await expectAccessible(page, 'Home (session)');
    await startStory(page);
    await expectAccessible(page, 'Introduce');
    await next(page, 'The story');
    await fillStory(page, { title: 'Title', body: 'Body', good: 'Good', different: 'Different' });
    await expectAccessible(page, 'The story');
    await next(page, 'Services');
    await expect(page.getByRole('button', { name: "Add St Mary's Hospital" })).toBeVisible();
    await expectAccessible(page, 'Services (the session’s)');
    await page.getByRole('combobox', { name: 'Find a service' }).fill('st marys');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expectAccessible(page, 'Services (results)');
    await page.getByRole('combobox', { name: 'Find a service' }).fill('');
    await chooseStMarys(page);
    await expectAccessible(page, 'Services (chosen)');
    await next(page, 'About the storyteller');
    await fillStoryteller(page, { username: 'janesmith1964', noEmail: true });
    await page.getByText('Why do we ask?').first().click();
    await expectAccessible(page, 'About the storyteller');
    await next(page, 'Check and finish');
    await expectAccessible(page, 'Check and finish (missing)');
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('button', { name: 'Withdraw' }).click();
    await expect(page.getByRole('button', { name: 'Delete story' })).toBeVisible();
    await expectAccessible(page, 'Home (withdraw)');
  });
}
