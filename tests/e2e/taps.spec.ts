// Issue 24's measures: taps counted by an instrument, not by hand. A page init script counts every
// trusted `pointerup` on the document (one per tap, wherever it lands: a button, a link, a field
// tapped to type in it, a label of a checkbox or radio, a <select> opened to choose an option) and
// keeps them in sessionStorage, read back with page.evaluate. Typing is not a tap, and Playwright's
// selectOption after tapping the <select> adds none, so choosing an option counts as one tap. The
// PIN (tapping its field, typing it, tapping Unlock) is counted on its own: "N plus the PIN".
// Each journey prints `taps: <journey>: N`, adds it to the test's annotations and writes
// test-results/taps/<journey>.json for the closing note; the goals are the expectations.
// Re-run: `npm run test:e2e -- taps.spec --workers=1` (finds Chromium, builds dist, runs this spec).
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { CONTROLS as C, locate } from '../tools/controls.ts';
import { PIN } from './fixtures.ts';
import { expect, test } from './sendFixtures.ts';
import { stepHeading, waitForDirectory } from './storyJourney.ts';

/** Issue 24, "Measures": the goals (taps, not counting the PIN). */
const GOAL = { lockToFirstWord: 4, idleLockToFirstWord: 4, wholeStoryWithEmail: 18 } as const;

const KEY = '__taps';

/** Counts trusted pointerups, naming each tap by its control's words (never what was typed). */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    const nameOf = (target: EventTarget | null): string => {
      if (!(target instanceof Element)) return '?';
      const el = target.closest('button, a, input, select, textarea, label, [role]') ?? target;
      const field = el as HTMLInputElement;
      const label = field.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent;
      // A control that quotes what was typed (the title offered from the first words) keeps it out.
      const words = (label ?? '')
        .replace(/“[^”]*”/g, '“…”')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 48);
      return `${el.tagName.toLowerCase()} "${words}"`;
    };
    document.addEventListener(
      'pointerup',
      (event) => {
        if (!event.isTrusted) return;
        const taps = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[];
        taps.push(nameOf(event.target));
        sessionStorage.setItem(key, JSON.stringify(taps));
      },
      true,
    );
  }, KEY);
}

async function tapsSoFar(page: Page): Promise<string[]> {
  return page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[], KEY);
}

/** Counts the taps `steps` takes. */
async function counted(page: Page, steps: () => Promise<void>): Promise<string[]> {
  const before = (await tapsSoFar(page)).length;
  await steps();
  return (await tapsSoFar(page)).slice(before);
}

type Measure = { journey: string; taps: number; pinTaps?: number; goal: number; trace: string[] };

function report(measure: Measure): void {
  const pin = measure.pinTaps === undefined ? '' : ` plus the PIN (${measure.pinTaps} taps)`;
  const line = `taps: ${measure.journey}: ${measure.taps}${pin} (goal ≤ ${measure.goal})`;
  console.log(line);
  console.log(`  ${measure.trace.join(' → ')}`);
  test.info().annotations.push({ type: 'taps', description: line });
  mkdirSync('test-results/taps', { recursive: true });
  writeFileSync(`test-results/taps/${measure.journey}.json`, `${JSON.stringify(measure, null, 2)}\n`);
}

/** A nurse types into a field: one tap on it, then the keyboard (no taps). */
async function typeInto(page: Page, field: ReturnType<Page['getByRole']>, text: string): Promise<void> {
  await field.click();
  await page.keyboard.type(text);
}

const collecting = (page: Page) => page.getByText('Collecting as Sam, Staff Nurse');

/** "Start collecting" as Sam, Staff Nurse, on St Mary's, by taps and typing. */
async function startCollecting(page: Page): Promise<void> {
  await locate(page, C.startCollecting).click();
  await typeInto(page, page.getByRole('textbox', { name: 'Your name' }), 'Sam');
  await typeInto(page, page.getByRole('textbox', { name: 'Your role' }), 'Staff Nurse');
  await typeInto(page, locate(page, C.findService), 'st marys');
  await page.getByRole('option', { name: /^St Mary's Hospital — Kingsmere/ }).click();
  await locate(page, C.startCollecting).click();
  await expect(collecting(page)).toBeVisible();
}

/** Start the shift's session (set-up, not measured). */
async function startSession(page: Page, url: string): Promise<void> {
  await waitForDirectory(page, url);
  await page.goto(url);
  await startCollecting(page);
  // From here the test types the PIN itself, so its taps are counted.
  await page.removeLocatorHandler(locate(page, C.unlock));
}

const locked = (page: Page) => page.getByRole('heading', { name: 'Story Collector is locked' });

async function enterPin(page: Page): Promise<void> {
  await expect(locked(page)).toBeVisible();
  await typeInto(page, locate(page, C.pin), PIN);
  await locate(page, C.unlock).click();
  await expect(locked(page)).toHaveCount(0);
}

/** The first field the Story step offers (whatever the guide's order puts first). */
function firstStoryField(page: Page) {
  return page.locator('.story-step').getByRole('textbox').first();
}

/**
 * Unlocked on Home, the nurse needs the session running before the story (else its consent records
 * nobody): nothing to do when it survived the lock, one tap when the app asks "Still Sam…?", and
 * "Start collecting" all over again when it ended.
 */
async function sessionRunning(page: Page): Promise<void> {
  await expect(
    collecting(page).or(locate(page, C.carryOn)).or(locate(page, C.startCollecting)).first(),
  ).toBeVisible();
  if (await collecting(page).isVisible()) return;
  if (await locate(page, C.carryOn).isVisible()) await locate(page, C.carryOn).click();
  else await startCollecting(page);
  await expect(collecting(page)).toBeVisible();
}

/** From Home (unlocked) to the first word typed on the Story step, by the fewest taps. */
async function homeToFirstWord(page: Page): Promise<void> {
  await sessionRunning(page);
  await locate(page, C.newStory).click();
  await expect(stepHeading(page, 'Introduce')).toBeVisible();
  await locate(page, C.next).click();
  await expect(stepHeading(page, 'The story')).toBeVisible();
  await typeInto(page, firstStoryField(page), 'The');
}

async function lockToFirstWord(page: Page, journey: string, goal: number): Promise<void> {
  const pin = await counted(page, () => enterPin(page));
  const trace = await counted(page, () => homeToFirstWord(page));
  report({ journey, taps: trace.length, pinTaps: pin.length, goal, trace });
  expect(trace.length, trace.join(' → ')).toBeLessThanOrEqual(goal);
}

test.describe('taps (issue 24, "Measures")', () => {
  // An iPad held upright.
  test.use({ viewport: { width: 820, height: 1180 } });
  test.beforeEach(async ({ page }) => instrument(page));

  test('from the Lock screen to the first typed word, with a session running', async ({ page, app }) => {
    test.setTimeout(120_000);
    await startSession(page, app.url);
    await locate(page, C.lock).first().click();
    await lockToFirstWord(page, 'lock-to-first-word', GOAL.lockToFirstWord);
  });

  test('after the idle lock, the same as with a session', async ({ page, app }) => {
    test.setTimeout(120_000);
    // 09:00 local, driven by the test (as session.spec.ts does): no midnight within the shift.
    await page.clock.install({ time: new Date(2026, 2, 2, 9, 0) });
    await startSession(page, app.url);
    // A ward interruption: the idle lock (Settings' default, 5 minutes) comes by itself.
    await page.clock.fastForward(4 * 60_000 + 35_000);
    await expect(page.getByRole('alert').filter({ hasText: 'Still there?' })).toBeVisible();
    await page.clock.fastForward(40_000);
    await lockToFirstWord(page, 'idle-lock-to-first-word', GOAL.idleLockToFirstWord);
  });

  test('a whole story with an email address, from Home to "Send to Care Opinion" done', async ({
    page,
    app,
  }) => {
    test.setTimeout(120_000);
    await startSession(page, app.url);
    const trace = await counted(page, () => wholeStory(page));
    report({ journey: 'whole-story-with-email', taps: trace.length, goal: GOAL.wholeStoryWithEmail, trace });
    expect(trace.length, trace.join(' → ')).toBeLessThanOrEqual(GOAL.wholeStoryWithEmail);
  });
});

/**
 * The Story step's fewest taps for a story that can be sent (issue 24.2): one of the guide's two
 * questions, then the title — the first words offered as the title take one tap, as typing one does.
 */
async function tellTheStory(page: Page): Promise<void> {
  await typeInto(page, locate(page, C.good), 'The nurse sat with us and explained everything.');
  const suggested = locate(page, C.useSuggestedTitle);
  if (await suggested.isVisible()) await suggested.click();
  else await typeInto(page, locate(page, C.title), 'Kind night staff');
  await expect(locate(page, C.title)).not.toHaveValue('');
}

async function nextTo(page: Page, step: string): Promise<void> {
  await locate(page, C.next).click();
  await expect(stepHeading(page, step)).toBeVisible();
}

async function wholeStory(page: Page): Promise<void> {
  await locate(page, C.newStory).click();
  await nextTo(page, 'The story');
  await tellTheStory(page);
  await nextTo(page, 'Services');
  // The session's service is offered: one tap.
  await page.getByRole('button', { name: /^Add St Mary's Hospital/ }).click();
  await expect(page.getByRole('button', { name: /^Remove St Mary's Hospital/ })).toBeVisible();
  await nextTo(page, 'About the storyteller');
  await typeInto(page, locate(page, C.username), 'rugbyfan33');
  await page.getByRole('button', { name: "Use the service's postcode" }).click();
  await expect(locate(page, C.postcode)).toHaveValue(/^NG5 \w{3}$/);
  await typeInto(page, locate(page, C.email), 'storyteller@example.org');
  const who = locate(page, C.who);
  await who.click(); // the iPad's picker opens; choosing in it is the same tap
  await who.selectOption('carer');
  await nextTo(page, 'Check and finish');
  await locate(page, C.consent).click();
  await expect(page.getByText(/Consent recorded at/)).toBeVisible();
  await locate(page, C.send).click();
  await expect(page.getByRole('region', { name: 'Your story card' })).toBeVisible({ timeout: 60_000 });
}
