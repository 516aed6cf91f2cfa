// GET /directory's building (relay/directory/routes.ts), with the store held in the test's hand:
// iPads asking together while a version is built share one build (40 iPads after the weekly
// refresh must not cost 40 index builds), an unchanged version is a 304 without building anything,
// a failed build is tried again, and a new version is built anew.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { downloadDirectory } from '../../../relay/directory/routes.ts';
import type { DirectoryState, DirectoryStore } from '../../../relay/directory/store.ts';
import type { RelayEnv } from '../../../relay/http.ts';
import { decodeIndex, packedIndexType } from '../../../src/domain/directory/packedIndex.ts';

const ITEMS = [
  JSON.stringify({ nacs: 'RX1RA', name: "St Mary's Hospital", type: 'Hospital' }),
  JSON.stringify({ nacs: 'RX1RA01', name: 'Thérèse Ward', type: 'ward', siteNacs: 'RX1RA' }),
];

/** A store whose `all()` waits for `release` and counts its calls. */
function heldStore() {
  const state: DirectoryState = {
    version: 'v1',
    count: 2,
    updatedAt: null,
    fullAt: null,
    incrementalAt: null,
    lastError: null,
  };
  let release: (fail?: Error) => void = () => {};
  let gate = new Promise<void>(() => {});
  const hold = () => {
    gate = new Promise<void>((resolve, reject) => {
      release = (fail) => (fail ? reject(fail) : resolve());
    });
  };
  hold();
  const calls = { all: 0 };
  const store = {
    state: async () => state,
    all: async () => {
      calls.all++;
      await gate;
      return ITEMS;
    },
  } as unknown as DirectoryStore;
  const app = new Hono<RelayEnv>();
  app.get('/directory', downloadDirectory(store));
  app.onError((_error, c) => c.text('build failed', 500)); // the relay's own handler logs it
  const ask = (headers: Record<string, string> = {}) =>
    app.request('/directory', { headers: { Accept: packedIndexType(), ...headers } });
  return { state, calls, ask, release: (fail?: Error) => release(fail), hold };
}

describe('GET /directory builds each version once', () => {
  it('iPads asking while it is built share that one build', async () => {
    const relay = heldStore();
    const answers = Array.from({ length: 5 }, () => relay.ask());
    await expect.poll(() => relay.calls.all).toBe(1);
    relay.release();
    const bodies = await Promise.all(answers.map(async (a) => decodeIndex(await (await a).arrayBuffer())));
    expect(bodies.map((b) => b?.index.services.count)).toEqual([2, 2, 2, 2, 2]);
    expect(relay.calls.all).toBe(1);
  });

  it('an unchanged version is a 304 without building; a new version is built anew', async () => {
    const relay = heldStore();
    relay.release();
    const first = await relay.ask();
    const etag = first.headers.get('etag') ?? '';
    const fresh = heldStore(); // another instance, nothing built yet
    expect((await fresh.ask({ 'If-None-Match': etag })).status).toBe(304);
    expect(fresh.calls.all).toBe(0);
    relay.state.version = 'v2';
    expect((await relay.ask({ 'If-None-Match': etag })).status).toBe(200);
    expect(relay.calls.all).toBe(2);
  });

  it('a failed build is not kept: the next request builds again', async () => {
    const relay = heldStore();
    const failing = relay.ask();
    await expect.poll(() => relay.calls.all).toBe(1);
    relay.release(new Error('database gone'));
    expect((await failing).status).toBe(500);
    relay.hold();
    relay.release();
    expect((await relay.ask()).status).toBe(200);
    expect(relay.calls.all).toBe(2);
  });
});
