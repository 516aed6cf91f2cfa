// Issue 26, the app's half in Chromium: an iPad enrolled with a relay reports what it holds (numbers
// only), and offline, Home → "Export unsent stories" (the staff PIN again) writes one sealed file that
// the relay's private key opens to the very story waiting on the iPad; the story stays, marked
// "Exported", and is sent once when the iPad is back online. The relay's export-key and status
// routes are answered by a stand-in in front of the real relay (the relay half builds them); the
// admin's import of the file is the lead's cross-process test.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { type RunningRelay, startRelay } from '../../relay/server.ts';
import { DeviceStatusSchema } from '../../src/domain/fleet/deviceStatus.ts';
import { openStories } from '../../src/domain/fleet/sealedFile.ts';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.ts';
import { type AppServer, startAppServer } from '../tools/appServer.ts';
import { nodeCrypto, relayKeyPair } from '../unit/app/relayKeys.ts';
import { test as base, DIST, expect, PIN, waitForControl } from './fixtures.ts';
import { tell } from './sendFixtures.ts';

const ORG_KEY = 'organisation-subscription-key-26ab';
const ADMIN = 'e2e-admin-token-at-least-32-characters';

type FrontDoor = { url: string; statuses: unknown[]; close(): Promise<void> };

/** In front of the relay: answers the two routes of issue 26 itself, and passes everything else on. */
async function frontDoor(relay: RunningRelay, exportKey: unknown): Promise<FrontDoor> {
  const statuses: unknown[] = [];
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept',
    'Access-Control-Allow-Methods': 'GET, POST',
  };
  const read = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve) => {
      const parts: Buffer[] = [];
      req.on('data', (part: Buffer) => parts.push(part));
      req.on('end', () => resolve(Buffer.concat(parts)));
    });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const body = await read(req);
      const path = req.url ?? '/';
      if (path === '/api/v2/relay/export-key' || path === '/api/v2/devices/me/status') {
        if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
        if (path.endsWith('/status')) {
          statuses.push(JSON.parse(body.toString('utf8')));
          return void res.writeHead(204, cors).end();
        }
        return void res
          .writeHead(200, { ...cors, 'Content-Type': 'application/json' })
          .end(JSON.stringify(exportKey));
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !['host', 'connection', 'content-length'].includes(name),
        ),
      ) as Record<string, string>;
      const answer = await fetch(`${relay.url}${path}`, {
        method: req.method ?? 'GET',
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
        redirect: 'manual',
      });
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name))
          out[name] = value;
      });
      res.writeHead(answer.status, out).end(Buffer.from(await answer.arrayBuffer()));
    })().catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    statuses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const keys = await relayKeyPair('relay-export-1');

const test = base.extend<{ sandbox: SandboxServer; relay: RunningRelay; door: FrontDoor; app: AppServer }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  sandbox: async ({}, use) => {
    const sandbox = await startSandboxServer({ key: ORG_KEY, services: 300, rate: 1000 });
    await use(sandbox);
    await sandbox.close();
  },
  relay: async ({ sandbox }, use) => {
    const relay = await startRelay(
      {
        upstream: sandbox.url,
        upstreamKey: ORG_KEY,
        adminToken: ADMIN,
        database: { kind: 'sqlite', path: join(mkdtempSync(join(tmpdir(), 'export-e2e-')), 'relay.db') },
        port: 0,
        host: '127.0.0.1',
        upstreamRate: 1000,
        appUrl: undefined,
        organisation: 'City Hospital',
        appOrigins: undefined,
      },
      { log: pino({ level: 'silent' }), schedule: false },
    );
    await fetch(`${relay.url}/admin/api/directory/refresh`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    await use(relay);
    await relay.close();
  },
  door: async ({ relay }, use) => {
    const door = await frontDoor(relay, keys.published);
    await use(door);
    await door.close();
  },
  app: async ({ door }, use) => {
    const app = await startAppServer({
      root: DIST,
      sandbox: false,
      appConfig: { apiAddress: '', key: '', relayOrigins: [door.url] },
      apiOrigin: door.url,
    });
    await use(app);
    await app.close();
  },
});

async function admin<T>(relay: RunningRelay, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${relay.url}/admin/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return (await res.json()) as T;
}

test('an enrolled iPad reports numbers only; offline it exports a sealed file the relay opens; the story is still sent once', async ({
  page,
  context,
  app,
  relay,
  door,
  sandbox,
}) => {
  test.setTimeout(180_000);
  // The download path (Chromium on Linux has no share sheet; take it away wherever it has one).
  await page.addInitScript(() => {
    Reflect.deleteProperty(Navigator.prototype, 'share');
    Reflect.deleteProperty(Navigator.prototype, 'canShare');
  });
  const { code } = await admin<{ code: string }>(relay, '/enrolments', { name: 'Ward 5 iPad' });
  await page.goto(`${app.url}/#enrol=${encodeURIComponent(door.url)},${code}`);
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(/Stories go through your organisation's relay at/)).toBeVisible();
  await expect(page.getByText(/[1-9][\d,]* services? stored on this device/)).toBeVisible({
    timeout: 45_000,
  });
  await waitForControl(page);

  // The first send pass after connecting reports what the iPad holds: numbers only.
  await expect.poll(() => door.statuses.length, { timeout: 30_000 }).toBeGreaterThan(0);
  for (const status of door.statuses) expect(DeviceStatusSchema.safeParse(status).success).toBe(true);

  // Offline, a story waits; Home offers the export.
  await context.setOffline(true);
  await tell(page, 'Carried out sealed', 'Waiting to send');
  await page.getByRole('link', { name: 'Home' }).first().click();
  await page.getByRole('button', { name: 'Export unsent stories' }).click();
  const panel = page.getByRole('region', { name: 'Export unsent stories' });
  await panel.getByLabel('Staff PIN').fill(PIN);
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(
    panel
      .getByRole('status')
      .filter({ hasText: /^1 story is in the file stories-\d{4}-\d\d-\d\d-1\.sealed\.$/ }),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('link', { name: 'Save the file' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^stories-\d{4}-\d\d-\d\d-1\.sealed$/);
  const bytes = new Uint8Array(readFileSync((await download.path()) ?? ''));
  expect(new TextDecoder().decode(bytes)).not.toContain('Carried out sealed');
  const opened = await openStories(nodeCrypto, keys.opener, bytes);
  if (!opened.ok) throw new Error(opened.problem);
  const [device] = await admin<{ deviceId: string }[]>(relay, '/devices');
  expect(opened.contents.deviceId).toBe(device?.deviceId);
  expect(opened.contents.stories.map((s) => (s.body as { title: string }).title)).toEqual([
    'Carried out sealed',
  ]);
  const row = page.getByRole('listitem').filter({ hasText: 'Carried out sealed' });
  await expect(row.getByText('Exported', { exact: true })).toBeVisible();
  await expect(row.getByText('Waiting to send', { exact: true })).toBeVisible();

  // Back online, the iPad still sends it: it reaches Care Opinion once, under the key in the file.
  await context.setOffline(false);
  await expect(row.getByText('Sent', { exact: true })).toBeVisible({ timeout: 60_000 });
  const received = (await (await fetch(`${sandbox.origin}/__sandbox/received`)).json()) as {
    title: string;
    idempotencyKey: string;
  }[];
  expect(received.map((r) => r.title)).toEqual(['Carried out sealed']);
  expect(received[0]?.idempotencyKey).toBe(opened.contents.stories[0]?.idempotencyKey);
});
