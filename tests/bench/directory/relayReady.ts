// Issue 25 item 5: a new iPad's directory through the relay, from the request to the first search
// answer. A relay (its own process, SQLite) holds a copy of a 50,000-service sandbox; the app is
// enrolled from the relay's link ("Connect"), its GET /directory is held in the page until a story's
// picker is open with a word typed, then let go; the picker asks again each time it finds nothing,
// and the time runs to its first option.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packedIndexType } from '../../../src/domain/directory/packedIndex.ts';
import { startAppServer } from '../../tools/appServer.ts';
import { launchBrowser } from '../browser.ts';
import { relayProcess } from '../relay/processes.ts';
import { startBenchUpstream } from '../relay/upstream.ts';
import { passLock } from '../stories/session.ts';
import type { BenchContext } from '../types.ts';
import type { RelayReady } from './pageProbe.ts';
import { probe } from './probeBundle.ts';

const KEY = 'bench-key';
const ADMIN = 'bench-admin-token-at-least-32-characters';
const QUERY = 'therese';
const WAIT_MS = 120_000;

export type RelaySearchReady = RelayReady & { services: number };

async function admin<T>(url: string, path: string, body?: object): Promise<T> {
  const res = await fetch(`${url}/admin/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as T;
}

type Status = { directory: { count: number; refreshing: boolean } };

/** A call to the relay, tried again when the connection drops (the relay may be busy gzipping 50,000 services). */
async function retrying<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000)); // a pause before trying again
    }
  }
}

async function until(what: string, ready: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await ready())) {
    if (Date.now() - start > WAIT_MS) throw new Error(`${what}: not within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll the relay or the page
  }
}

export async function timeRelaySearchReady(
  ctx: BenchContext,
  services: number,
  probeScript: string,
): Promise<RelaySearchReady> {
  const dataDir = await mkdtemp(join(tmpdir(), 'story-bench-relay-'));
  const upstream = await startBenchUpstream({ key: KEY, rate: 100_000, services });
  const relay = await relayProcess({
    CARE_OPINION_API: upstream.url,
    CARE_OPINION_KEY: KEY,
    RELAY_ADMIN_TOKEN: ADMIN,
    RELAY_DATABASE: `sqlite:${join(dataDir, 'relay.db')}`,
    RELAY_UPSTREAM_RATE: '1000',
    RELAY_SERVE_APP: '0',
  });
  try {
    await relay.start();
    await until('the relay’s copy of the directory', async () => {
      const { directory } = await retrying(() => admin<Status>(relay.url, '/status'));
      return !directory.refreshing && directory.count >= services;
    });
    const app = await startAppServer({
      root: ctx.distDir,
      sandbox: false,
      appConfig: { apiAddress: '', key: '', relayOrigins: [relay.url] },
      apiOrigin: relay.url,
    });
    const browser = await launchBrowser({ chromiumPath: ctx.chromiumPath, initScripts: [probeScript] });
    try {
      // Another iPad of this release has had the directory already: the relay's packed index and its
      // gzip are built (the relay bench times that).
      const warm = await retrying(() =>
        admin<{ code: string }>(relay.url, '/enrolments', { name: 'Warm-up' }),
      );
      const token = await fetch(`${relay.url}/api/v2/devices`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: warm.code, name: '' }),
      }).then(async (res) => ((await res.json()) as { token: string }).token);
      await retrying(() =>
        fetch(`${relay.url}/api/v2/directory`, {
          headers: { Authorization: `Bearer ${token}`, Accept: packedIndexType() },
        }).then((res) => res.arrayBuffer()),
      );
      const { code } = await admin<{ code: string }>(relay.url, '/enrolments', { name: 'Bench iPad' });
      const { page } = browser;
      await page.goto(`${app.url}/#enrol=${encodeURIComponent(relay.url)},${code}`);
      await passLock(page);
      await probe(page, 'holdDirectory');
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByText(/Stories go through your organisation's relay at/).waitFor({ timeout: WAIT_MS });
      await page.getByRole('link', { name: 'Home' }).first().click();
      await page.getByRole('button', { name: 'New story' }).click();
      const field = page.getByRole('combobox', { name: 'Find a service' });
      for (let step = 0; step < 4 && !(await field.isVisible()); step++) {
        await page.getByRole('button', { name: 'Next', exact: true }).click();
      }
      await field.fill(QUERY);
      // The picker has answered "nothing" from the empty directory before the download starts.
      await page.locator('[role="listbox"][aria-busy="false"]').waitFor({ state: 'attached' });
      if (!(await probe(page, 'askUntilFound', QUERY))) throw new Error('no picker on the page');
      if (!(await probe(page, 'releaseDirectory'))) throw new Error('the app never asked for the directory');
      ctx.log('  the download let go; asking the picker until it finds a service');
      await until('the first search answer', async () => (await probe(page, 'relayReady')).foundAt !== 0);
      return { ...(await probe(page, 'relayReady')), services };
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await relay.kill();
    await upstream.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
