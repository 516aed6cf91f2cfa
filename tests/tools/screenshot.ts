// Takes the README's screenshots from the built app: Home at iPad size (1024 × 768) with two stories
// on the device, and hand-over mode on an upright iPad (820 × 1180). Run after `npm run build`: `npx tsx tests/tools/screenshot.ts`.
import { chromium } from '@playwright/test';
import config from '../../playwright.config.ts';
import { startAppServer } from './appServer.ts';
import { ensureChromium } from './chromium.ts';

const PIN = '482916';
const server = await startAppServer({ root: 'dist' });
const browser = await chromium.launch({
  executablePath: ensureChromium(),
  args: [...(config.use?.launchOptions?.args ?? [])],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
  await page.goto(server.url);
  await page.getByLabel('Choose a PIN').fill(PIN);
  await page.getByLabel('Confirm PIN').fill(PIN);
  await page.getByRole('button', { name: 'Set PIN' }).click();
  await page.getByRole('button', { name: 'I have saved the code' }).click();
  for (const title of ['Kind staff on the children’s ward', 'Waiting times in A&E']) {
    await page.getByRole('button', { name: 'New story' }).click();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel('What would you call this story').fill(title);
    await page.getByLabel('What happened').fill('The nurse sat with us and explained everything.');
    await page.getByText('Saved on this device').waitFor();
    await page.getByRole('link', { name: 'Home' }).first().click();
  }
  await page.getByRole('listitem').nth(1).waitFor();
  await page.screenshot({ path: 'tests/e2e/screenshots/home-ipad.png' });
  console.log('wrote tests/e2e/screenshots/home-ipad.png');
  // Hand-over mode on an iPad Air held upright (820 × 1180), as the storyteller sees it.
  await page.setViewportSize({ width: 820, height: 1180 });
  await page.getByRole('link', { name: 'Waiting times in A&E' }).click();
  await page.getByRole('button', { name: 'Hand to the storyteller' }).click();
  await page.getByLabel('What was good').fill('The triage nurse came back to check on my dad twice.');
  await page.getByText('Saved on this device').waitFor();
  await page.screenshot({ path: 'tests/screenshots/handover-ipad.png' });
  console.log('wrote tests/screenshots/handover-ipad.png');
} finally {
  await browser.close();
  await server.close();
}
