// Cross-origin sending: the app on one port, the standalone sandbox Care Opinion on another, so
// every request is a real CORS request with an Authorization header (API.md).
import type { BrowserContext, Page } from '@playwright/test';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';
import { type AppServer, startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect, waitForControl } from './fixtures.ts';
import {
  chooseStMarys,
  fillStory,
  fillStoryteller,
  giveConsent,
  next,
  startStory,
  waitForDirectory,
} from './storyJourney.ts';

export type Received = {
  id: string;
  idempotencyKey: string;
  title: string;
  body: {
    consent?: { publish?: boolean; recordedBy?: string };
    focusTheme?: string;
    body?: string;
    whatWasGood?: string;
    whatCouldBeDifferent?: string;
  };
};

export const test = base.extend<{ sandbox: SandboxServer; appKey: string; app: AppServer }>({
  appKey: ['sandbox-key', { option: true }],
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  sandbox: async ({}, use) => {
    const sandbox = await startSandboxServer({ services: 300 });
    await use(sandbox);
    await sandbox.close();
  },
  app: async ({ sandbox, appKey }, use) => {
    const app = await startAppServer({
      root: DIST,
      sandbox: false,
      appConfig: { apiAddress: sandbox.url, key: appKey },
    });
    await use(app);
    await app.close();
  },
});

export { expect };

export async function received(sandbox: SandboxServer): Promise<Received[]> {
  const res = await fetch(`${sandbox.origin}/__sandbox/received`);
  return (await res.json()) as Received[];
}

export async function setFaults(sandbox: SandboxServer, faults: object): Promise<void> {
  const res = await fetch(`${sandbox.origin}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(res.ok).toBe(true);
}

/**
 * Holds the sandbox's story posts in flight (`'hold'`) or lets them go on (`'release'`): a story
 * stays "Sending" for as long as the test needs, however slow the machine (tests/sandbox/hold.ts).
 */
export async function holdStories(sandbox: SandboxServer, action: 'hold' | 'release'): Promise<void> {
  const res = await fetch(`${sandbox.origin}/__sandbox/${action}`, { method: 'POST' });
  expect(res.ok).toBe(true);
}

/** Waits until `count` story posts are held, and gives their Idempotency-Keys. */
export async function waitForHeld(
  sandbox: SandboxServer,
  count: number,
  timeout = 60_000,
): Promise<string[]> {
  const heldKeys = async () => {
    const res = await fetch(`${sandbox.origin}/__sandbox/hold`);
    return ((await res.json()) as { held: string[] }).held;
  };
  await expect.poll(heldKeys, { timeout }).toHaveLength(count);
  return heldKeys();
}

/** Waits until Home lists the story with the given title as sent. */
export async function expectSent(page: Page, title: string, timeout = 60_000): Promise<void> {
  const row = page.getByRole('listitem').filter({ hasText: title });
  await expect(row.getByText('Sent', { exact: true })).toBeVisible({ timeout });
}

/** Loads the app online once (directory stored, worker in control), then goes offline. */
export async function prepareOffline(page: Page, context: BrowserContext, url: string): Promise<void> {
  await page.goto(url);
  await waitForDirectory(page, url);
  await waitForControl(page);
  await context.setOffline(true);
  await page.goto(url);
}

/**
 * What a told story has become when `tell` returns: offline (or with a key that is refused) it is
 * "Waiting to send"; online it goes on to "Sent"; without consent it stays a "Draft" (the send
 * button is disabled, so nothing is sent).
 */
export type Told = 'Waiting to send' | 'Sent' | 'Draft';

/** Tells a whole story from Home and sends it, then waits until its panel shows the state `until`. */
export async function tell(
  page: Page,
  title: string,
  until: Told,
  { typedService = false }: { typedService?: boolean } = {},
): Promise<void> {
  // A person tells a story in the tab in front: a tab behind another gets Chromium's background
  // throttling, and every step there waited about 2 s (25 s a story in "two open tabs").
  await page.bringToFront();
  await page.goto(new URL(page.url()).origin);
  await startStory(page);
  await next(page, 'The story');
  await fillStory(page, {
    title,
    body: `What happened in ${title}.`,
    good: 'Kindness.',
    different: 'Shorter waits.',
  });
  await next(page, 'Services');
  if (typedService) {
    await page.getByRole('combobox', { name: 'Find a service' }).fill('Kingsmere Walk-in Clinic');
    await page.getByRole('button', { name: /Add .*Kingsmere Walk-in Clinic.* as typed/ }).click();
  } else {
    await chooseStMarys(page);
  }
  await next(page, 'About the storyteller');
  await fillStoryteller(
    page,
    typedService ? { username: 'rugbyfan33', postcode: 'NG5 1PB' } : { username: 'rugbyfan33' },
  );
  await next(page, 'Check and finish');
  if (until === 'Draft') {
    await expect(page.getByRole('button', { name: 'Send to Care Opinion' })).toBeDisabled();
    return;
  }
  await giveConsent(page);
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  await expect(page.getByRole('heading', { name: until, exact: true })).toBeVisible({ timeout: 60_000 });
}
