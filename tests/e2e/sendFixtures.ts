// Cross-origin sending: the app on one port, the standalone sandbox Care Opinion on another, so
// every request is a real CORS request with an Authorization header (API.md).
import type { Page } from '@playwright/test';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';
import { type AppServer, startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect } from './fixtures.ts';

export type Received = {
  id: string;
  idempotencyKey: string;
  title: string;
  body: { consent?: { publish?: boolean } };
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
