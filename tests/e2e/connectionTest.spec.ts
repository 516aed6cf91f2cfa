// "Test connection" never sends the saved key to a typed address (issue 22, row 1): the saved
// address is tested with the saved key; another address, allowed by the page's policy, receives
// nothing until a key is typed for it, and then only that key. The key field is never filled.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect } from './fixtures.ts';

type Recorder = { origin: string; requests: { method: string; headers: IncomingHttpHeaders }[] };

const test = base.extend<{ recorder: Recorder }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  recorder: async ({}, use) => {
    const requests: Recorder['requests'] = [];
    // Answers like a server that would take anything: CORS allowed, so a request would go through.
    const server: Server = createServer((req, res) => {
      requests.push({ method: req.method ?? '', headers: req.headers });
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': 'Authorization, Accept, Content-Type',
        'Content-Type': 'application/json',
      });
      res.end(req.method === 'OPTIONS' ? '' : '[]');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    await use({ origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests });
    await new Promise<void>((ok) => server.close(() => ok()));
  },
  // The app with the sandbox and its key saved from the set-up file; the policy allows the recorder.
  app: async ({ recorder }, use) => {
    const app = await startAppServer({ root: DIST, apiOrigin: recorder.origin });
    await use(app);
    await app.close();
  },
});

test('Test connection sends the saved key only to the saved address; a typed address gets only a typed key', async ({
  page,
  app,
  recorder,
}) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const address = page.getByLabel('API address');
  const key = page.getByLabel('Subscription key');
  const result = page.locator('.connection-test [role="status"]');
  await expect(address).toHaveValue(`${app.url}/api/v2`);
  await expect(key).toHaveValue(''); // never filled with the saved key

  // The saved address, no key typed: tested with the saved key.
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toHaveText(/^Working/);

  // Another address, no key typed: nothing is sent there.
  await address.fill(`${recorder.origin}/api/v2`);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).toHaveText(/^Type the key for this address/);
  expect(recorder.requests).toEqual([]);

  // A key typed for it: only that key goes there.
  await key.fill('typed-for-this-address');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(result).not.toHaveText('');
  await expect(result).not.toHaveText(/Testing/);
  const sent = recorder.requests.filter((r) => r.method === 'GET');
  expect(sent.map((r) => r.headers.authorization)).toEqual(['SUBSCRIPTION_KEY typed-for-this-address']);
  expect(JSON.stringify(recorder.requests)).not.toContain('sandbox-key');
});
