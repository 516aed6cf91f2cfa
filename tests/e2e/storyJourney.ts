// Shared steps for the story e2e tests: wait for the service directory, then tell a story through the
// steps by the interface words PRODUCT.md promises.
import type { Page } from '@playwright/test';
import { CONTROLS, locate } from '../tools/controls.ts';
import { expect } from './fixtures.ts';

export const MARKUP = '<img src=x onerror=alert(1)><b>bold</b>';

/** The app downloads the sandbox's directory by itself on first load; wait for it in Settings. */
export async function waitForDirectory(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/settings`);
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
}

export function stepHeading(page: Page, name: string) {
  return page.getByRole('heading', { level: 2, name, exact: true });
}

export async function next(page: Page, step: string): Promise<void> {
  await locate(page, CONTROLS.next).click();
  await expect(stepHeading(page, step)).toBeVisible();
}

/** "New story": a blank story at /story/new (nothing is stored until its first answer). */
export async function startStory(page: Page): Promise<void> {
  await locate(page, CONTROLS.newStory).click();
  await expect(page).toHaveURL(/\/story\/new$/);
  await expect(stepHeading(page, 'Introduce')).toBeVisible();
}

/** Once its first answer is stored, a new story's address becomes its own: returns it. */
export async function storedStoryUrl(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/story\/(?!new$)[^/]+$/);
  return page.url();
}

export type StoryText = { title: string; body: string; good: string; different: string };

/** The Story step in the guide's order: the two questions, anything else, then the title (an empty one is left as it is). */
export async function fillStory(page: Page, text: StoryText): Promise<void> {
  const fields: [keyof StoryText, string][] = [
    ['good', 'What was good'],
    ['different', 'What could have been different'],
    ['body', 'What happened'],
    ['title', 'What would you call this story'],
  ];
  for (const [key, label] of fields) if (text[key] !== '') await page.getByLabel(label).fill(text[key]);
}

export async function chooseStMarys(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Find a service' }).fill('st marys');
  await page.getByRole('option', { name: /^St Mary's Hospital — Kingsmere/ }).click();
  await expect(page.getByRole('button', { name: "Remove St Mary's Hospital" })).toBeVisible();
}

export type Storyteller = { username: string; postcode?: string; email?: string; noEmail?: boolean };

export async function fillStoryteller(page: Page, who: Storyteller): Promise<void> {
  await page.getByLabel('Username').fill(who.username);
  if (who.postcode === undefined) {
    await page.getByRole('button', { name: "Use the service's postcode" }).click();
    await expect(page.getByLabel('Postcode')).toHaveValue(/^NG5 \w{3}$/);
  } else {
    await page.getByLabel('Postcode').fill(who.postcode);
    await page.getByLabel('Postcode').blur();
  }
  if (who.noEmail) await page.getByRole('checkbox', { name: 'No email address' }).check();
  else
    await page.getByRole('textbox', { name: 'Email address' }).fill(who.email ?? 'storyteller@example.org');
  await page.getByLabel('Who is telling the story').selectOption('carer');
  await page.getByLabel('Age group').selectOption('35-44');
}

/** Who takes consent in tests that start no collecting session (the consent step asks for a name). */
export const CONSENT_TAKER = 'Jo Staff';

export async function giveConsent(page: Page): Promise<void> {
  const consent = page.getByRole('checkbox', { name: /consent/i });
  await expect(consent).not.toBeChecked();
  // Rendered with the box: with nobody collecting, consent records the name typed beside it.
  const who = locate(page, CONTROLS.consentTakenBy);
  if ((await who.count()) > 0) await who.fill(CONSENT_TAKER);
  await consent.check();
  await expect(page.getByText(/Consent recorded at/)).toBeVisible();
}

export function saveStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /Saved on this device|Saving…|Not saved/ });
}
