// Typing a story as staff do beside someone: "New story", Next to "The story", then ~200 characters
// into "What happened?" in bursts (60–120 ms between keys, a pause of about a second between
// bursts), then a title. The page probe records every keystroke and every commit.
import type { Page } from 'playwright-core';
import { enGB } from '../../../src/domain/words/en-GB/index.ts';
import { call } from './bundle.ts';

const STORY_QUESTIONS = enGB.steps.story.questions;

import type { Typing } from './typingProbe.ts';

export const TYPED =
  'We came in by ambulance just after midnight. The nurse on the ward sat with Mum and explained ' +
  'every test. Nobody told us when the doctor would come, so we waited four hours not knowing. ' +
  'The porter was lovely.';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A fixed sequence, so each run types with the same gaps. */
function gaps(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) >>> 0;
    return (s % 1000) / 1000;
  };
}

/** Word-aligned bursts of roughly 25 to 45 characters. */
export function bursts(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(/(?<= )/)) {
    current += word;
    if (current.length >= 25 + (out.length % 3) * 10) {
      out.push(current);
      current = '';
    }
  }
  return current ? [...out, current] : out;
}

/** A new story is stored by its first answer: one letter of the title, then the story has its id. */
export async function openNewStory(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New story' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel(STORY_QUESTIONS.title).fill('T');
  await page.waitForURL(/\/story\/(?!new$)[^/]+$/);
  await page.getByLabel(STORY_QUESTIONS.body).waitFor();
}

export async function typeStory(page: Page): Promise<Typing> {
  const field = page.getByLabel(STORY_QUESTIONS.body);
  await field.click();
  if (!(await call(page, 'startTyping'))) throw new Error('no save line or story id on the story step');
  const r = gaps(7);
  for (const burst of bursts(TYPED)) {
    for (const char of burst) {
      await page.keyboard.type(char);
      await sleep(60 + r() * 60);
    }
    await sleep(800 + r() * 700);
  }
  await page.getByText('Saved on this device').waitFor({ timeout: 30_000 });
  await sleep(500);
  const typing = await call(page, 'stopTyping');
  const value = await field.inputValue();
  if (value !== TYPED)
    throw new Error(`the field holds ${value.length} characters, ${TYPED.length} were typed`);
  return typing;
}

/** Types a title (quickly) so Home's row for this story changes; resolves when it is saved. */
export async function typeTitle(page: Page, title: string): Promise<void> {
  await page.getByLabel(STORY_QUESTIONS.title).fill(title);
}
