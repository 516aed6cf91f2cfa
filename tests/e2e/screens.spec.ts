// The README's pictures for issue 24: the Story step and the storyteller's card on an iPad held
// upright (820 × 1180) and sideways (1180 × 820), at Settings' "Text size" 100 % and 200 %, written
// to tests/screenshots/issue24/. Opt-in, like the card's picture in storyflow.spec.ts:
// `SCREENSHOTS=1 npm run test:e2e -- screens.spec --workers=1`.
import type { Page } from '@playwright/test';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { expect, test } from './sendFixtures.ts';
import { stepHeading, waitForDirectory } from './storyJourney.ts';

const OUT = 'tests/screenshots/issue24';
const VIEWPORTS = [
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
] as const;
const SIZES = [100, 200] as const;

/** Both orientations of what is on screen now, scrolled by `place` after each turn. */
async function shoot(page: Page, name: string, size: number, place: () => Promise<void>): Promise<void> {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    await place();
    const path = `${OUT}/${name}-${viewport.width}x${viewport.height}-${size}.png`;
    await page.screenshot({ path, scale: 'css', animations: 'disabled', caret: 'hide' });
  }
}

async function chooseTextSize(page: Page, url: string, size: number): Promise<void> {
  await page.goto(`${url}/settings`);
  await page.getByLabel('Text size').selectOption(String(size));
  await expect(page.locator('html')).toHaveAttribute('data-text-size', String(size));
  await locate(page, C.home).first().click();
}

/** The Story step's fields in the guide's order (fictional words only). */
async function fillStoryStep(page: Page): Promise<void> {
  await locate(page, C.good).fill('The night nurse sat with my dad and explained every step.');
  await locate(page, C.different).fill('A chair for relatives beside the bed at night.');
  await locate(page, C.title).fill('Kind night staff');
  await locate(page, C.happened).fill('My dad was admitted late at night after a fall.');
  await expect(page.getByText('Saved on this device')).toBeVisible();
  // As the step first looks: no field focused.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

async function toTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

test('issue 24’s screens: the Story step and the card, upright and sideways, 100 % and 200 % text', async ({
  page,
  app,
}) => {
  test.skip(process.env.SCREENSHOTS !== '1', 'writes the README’s pictures: SCREENSHOTS=1');
  test.setTimeout(240_000);
  await waitForDirectory(page, app.url);
  await page.goto(app.url);
  await locate(page, C.startCollecting).click();
  await page.getByLabel('Your name').fill('Sam');
  await page.getByLabel('Your role').fill('Staff Nurse');
  await locate(page, C.findService).fill('st marys');
  await page.getByRole('option', { name: /^St Mary's Hospital — Kingsmere/ }).click();
  await locate(page, C.startCollecting).click();
  for (const size of SIZES) {
    await page.setViewportSize(VIEWPORTS[0]);
    await chooseTextSize(page, app.url, size);
    await locate(page, C.newStory).click();
    await locate(page, C.next).click();
    await expect(stepHeading(page, 'The story')).toBeVisible();
    await fillStoryStep(page);
    await shoot(page, 'story-step', size, () => toTop(page));
    await page.setViewportSize(VIEWPORTS[0]);
    await locate(page, C.next).click();
    await page.getByRole('button', { name: /^Add St Mary's Hospital/ }).click();
    await locate(page, C.next).click();
    await locate(page, C.username).fill('rugbyfan33');
    await page.getByRole('button', { name: "Use the service's postcode" }).click();
    await locate(page, C.email).fill('storyteller@example.org');
    await locate(page, C.who).selectOption('carer');
    await locate(page, C.next).click();
    await locate(page, C.consent).check();
    await locate(page, C.send).click();
    const card = page.getByRole('region', { name: 'Your story card' });
    await expect(card.getByText('rugbyfan33', { exact: true })).toBeVisible({ timeout: 60_000 });
    await shoot(page, 'card', size, () => card.evaluate((el) => el.scrollIntoView({ block: 'start' })));
  }
});
