// The page's own Content Security Policy fails closed (issue 22, row 9): served by a host that sends
// no headers, only index.html's meta tag applies, and it still lets the app connect only to itself,
// the origins named at build time and a relay on this machine. The other origin here is a second
// server on 127.0.0.2: loopback, so reachable, but neither localhost nor 127.0.0.1, and https — so
// the old policy's "https:" let the app reach it (with the key typed into Settings).

import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { startAppServer } from '../tools/appServer.ts';
import { test as base, DIST, expect } from './fixtures.ts';

/** A TCP server that counts every connection and closes it at once: anything at all that reaches it. */
async function countingServer(
  host: string,
): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count += 1;
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, host, ok));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => count,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  app: async ({}, use) => {
    const server = await startAppServer({
      root: DIST,
      sandbox: false,
      appConfig: false,
      contentSecurityPolicy: false,
    });
    await use(server);
    await server.close();
  },
});

test('without the header, the meta policy keeps "Test connection" from reaching an origin the build did not name', async ({
  page,
  app,
}) => {
  const elsewhere = await countingServer('127.0.0.2');
  const local = await countingServer('127.0.0.1');
  const refused: string[] = [];
  page.on('console', (msg) => {
    if (/Refused to connect/.test(msg.text())) refused.push(msg.text());
  });
  try {
    const res = await page.goto(app.url);
    expect(res?.headers()['content-security-policy']).toBeUndefined();
    await page.getByRole('link', { name: 'Settings' }).click();
    const address = page.getByLabel('API address');
    const result = page.locator('.connection-test [role="status"]');
    // A typed address is tested only with a key typed for it (with none, nothing is sent at all).
    await page.getByLabel('Subscription key').fill('a-typed-key');

    // Any other https origin: refused by the page before a single byte leaves.
    await address.fill(`https://127.0.0.2:${elsewhere.port}/api/v2`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(result).toHaveText(/Cannot reach this address/);
    expect(elsewhere.connections()).toBe(0);
    await expect.poll(() => refused.some((text) => text.includes(`127.0.0.2:${elsewhere.port}`))).toBe(true);

    // A relay on this machine is allowed: the same kind of server there is reached (the count works).
    await address.fill(`http://127.0.0.1:${local.port}/api/v2`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => local.connections()).toBeGreaterThan(0);
  } finally {
    await Promise.all([elsewhere.close(), local.close()]);
  }
});
