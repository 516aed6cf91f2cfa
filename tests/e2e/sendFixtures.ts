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
  body: { consent?: { publish?: boolean; recordedBy?: string }; focusTheme?: string };
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

/** Tells a whole story from Home and sends it (or stops at the disabled button without consent). */
export async function tell(page: Page, title: string, consent = true, typedService = false): Promise<void> {
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
  if (consent) await giveConsent(page);
  if (!consent) {
    await expect(page.getByRole('button', { name: 'Send to Care Opinion' })).toBeDisabled();
    return;
  }
  await page.getByRole('button', { name: 'Send to Care Opinion' }).click();
  // Online it may be sent before the panel is looked at: any state after the draft will do.
  await expect(page.getByRole('heading', { name: /^(Waiting to send|Sending|Sent)$/ })).toBeVisible();
}
