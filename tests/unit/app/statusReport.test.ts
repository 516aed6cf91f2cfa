// Issue 26: one status report as the app builds it — counts from the store (fake-indexeddb), the
// build's version, storage figures — sent only through a relay, numbers only, and the relay's
// export key fetched while online when the iPad has none.
import { describe, expect, it } from 'vitest';
import { reportStatus, type StatusReportDeps } from '../../../src/app/send/statusReport.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings/settings.ts';
import { createDb } from '../../../src/store/db.ts';
import type { Answer, Client, Connection } from '../../../src/sync/client.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { bodyOf, seedStories, T0 } from './heldStories.ts';
import { PUBLISHED_KEY } from './relayKeys.ts';

const cipher = await testCipher();
const API = 'https://relay.example.org/api/v2';
const KEY = PUBLISHED_KEY;
const onRelay: Settings = {
  ...DEFAULT_SETTINGS,
  apiAddress: API,
  relayToken: 'tok',
  relayDeviceId: 'd-1',
  relayExportKey: KEY,
  relayDeskKey: 'none',
};
const DESK_KEY = { ...KEY, kid: 'desk-key-2' };
const noContent: Answer = {
  kind: 'response',
  status: 204,
  type: 'basic',
  contentType: '',
  retryAfter: null,
  totalCount: null,
};

function world(settings: Settings, answer: Answer = noContent, desk: unknown = 'no-desk') {
  const db = createDb(`status-${Math.random()}`);
  const posts: { connection: Connection; path: string; body: unknown }[] = [];
  const fetched: string[] = [];
  const kept: { facts: unknown; token: string }[] = [];
  const client: Client = {
    async request(connection, path, options) {
      posts.push({ connection, path, body: options?.body });
      return answer;
    },
  };
  const deps: StatusReportDeps = {
    db,
    client,
    fetch: async (url) => {
      fetched.push(url);
      if (String(url).endsWith('/desk/key'))
        return desk === 'no-desk'
          ? new Response('{"error":"no-desk"}', {
              status: 404,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(JSON.stringify(desk), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            });
      const body = String(url).endsWith('/devices/me') ? { deviceId: 'd-9' } : KEY;
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    },
    settings: () => settings,
    keepRelayFacts: async (facts, token) => {
      kept.push({ facts, token });
    },
    now: () => T0,
    setTimer: () => null,
    clearTimer: () => undefined,
    isOnline: () => true,
    onError: (error) => {
      throw error;
    },
    buildId: '2026-12-07T16:11:46.123Z',
    readStorage: async () => ({ persisted: true, usedBytes: 5_242_880, quotaBytes: 1e10 }),
  };
  return { db, deps, posts, fetched, kept };
}

describe('one status report', () => {
  it('counts what the iPad holds, with its version and storage, to the relay with its token', async () => {
    const { db, deps, posts } = world(onRelay);
    await seedStories(db, cipher, {
      drafts: ['d1', 'd2'],
      queued: ['q1', 'q2'],
      byHand: ['h1'],
      needsAttention: ['n1'],
      sent: ['s1'],
      withdrawnInFlight: ['w1'],
      triedAt: { t1: API },
    });
    await reportStatus(deps);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toBe('/devices/me/status');
    expect(posts[0]?.connection).toEqual({ apiAddress: API, key: '', token: 'tok' });
    expect(posts[0]?.body).toEqual({
      waiting: 3, // q1, q2 and t1 (tried once, still waiting); not w1 (withdrawn) or s1 (sent)
      needsAttention: 1,
      readyToPost: 1,
      drafts: 2,
      oldestWaitingAt: new Date(T0 + 60_000).toISOString(), // q1's queuing (the fixture's clock)
      appVersion: '2026-12-07T16-11-46.123Z',
      storage: { persisted: true, usedBytes: 5_242_880, quotaBytes: 1e10 },
    });
    // Numbers only: no title, body, username, email, postcode or service of any story.
    const sent = JSON.stringify(posts[0]?.body);
    for (const words of [
      'Story q1',
      bodyOf('q1'),
      'rugbyfan33',
      'person@example.org',
      'NG5 1PB',
      "St Mary's",
    ])
      expect(sent).not.toContain(words);
    db.close();
  });

  it('with none waiting the oldest is null, and storage the browser does not tell is 0 and false', async () => {
    const { db, deps, posts } = world(onRelay);
    await reportStatus({ ...deps, readStorage: async () => ({ persisted: 'unknown' }) });
    expect(posts[0]?.body).toMatchObject({
      waiting: 0,
      oldestWaitingAt: null,
      storage: { persisted: false, usedBytes: 0, quotaBytes: 0 },
    });
    db.close();
  });

  it('sends nothing without a relay: a direct key, posting by hand, no address', async () => {
    for (const settings of [
      { ...DEFAULT_SETTINGS, apiAddress: 'https://www.careopinion.org.uk/api/v2', key: 'k' },
      { ...DEFAULT_SETTINGS, delivery: 'by-hand' as const },
      { ...onRelay, delivery: 'by-hand' as const }, // still enrolled, but posting by hand chosen
      DEFAULT_SETTINGS,
    ]) {
      const { db, deps, posts, fetched } = world(settings);
      await seedStories(db, cipher, { queued: ['q1'] });
      expect(await reportStatus(deps)).toBe(false);
      expect(posts).toEqual([]);
      expect(fetched).toEqual([]);
      db.close();
    }
  });

  it('a refusal (401: revoked) or no answer is quiet: it resolves, nothing thrown', async () => {
    const revoked: Answer = {
      ...noContent,
      status: 401,
      contentType: 'application/json',
      json: { error: 'device-revoked' },
    };
    for (const answer of [revoked, { kind: 'network-error' } as Answer, { kind: 'timeout' } as Answer]) {
      const { db, deps, posts } = world(onRelay, answer);
      await expect(reportStatus(deps)).resolves.toBe(true);
      expect(posts).toHaveLength(1);
      db.close();
    }
  });

  it('asks for the export key each time and keeps it when the iPad has none or the relay replaced it', async () => {
    const { db, deps, fetched, kept } = world({ ...onRelay, relayExportKey: null });
    await reportStatus(deps);
    expect(fetched).toEqual([`${API}/relay/export-key`, `${API}/desk/key`]);
    expect(kept).toEqual([{ facts: { relayExportKey: KEY }, token: 'tok' }]);
    db.close();
    const replaced = world({ ...onRelay, relayExportKey: { ...KEY, kid: 'relay-key-0' } });
    await reportStatus(replaced.deps);
    expect(replaced.kept).toEqual([{ facts: { relayExportKey: KEY }, token: 'tok' }]);
    replaced.db.close();
    const same = world(onRelay);
    await reportStatus(same.deps);
    expect(same.fetched).toEqual([`${API}/relay/export-key`, `${API}/desk/key`]);
    expect(same.kept, 'the same key: nothing written').toEqual([]);
    same.db.close();
  });

  it('asks for the posting desk key each time (issue 27): kept when set up, replaced or gone, not when the same', async () => {
    const set = world(onRelay, noContent, DESK_KEY);
    await reportStatus(set.deps);
    expect(set.kept).toEqual([{ facts: { relayDeskKey: DESK_KEY }, token: 'tok' }]);
    set.db.close();
    const replaced = world(
      { ...onRelay, relayDeskKey: { ...DESK_KEY, kid: 'desk-key-1' } },
      noContent,
      DESK_KEY,
    );
    await reportStatus(replaced.deps);
    expect(replaced.kept).toEqual([{ facts: { relayDeskKey: DESK_KEY }, token: 'tok' }]);
    replaced.db.close();
    const gone = world({ ...onRelay, relayDeskKey: DESK_KEY }, noContent, 'no-desk');
    await reportStatus(gone.deps);
    expect(gone.kept).toEqual([{ facts: { relayDeskKey: 'none' }, token: 'tok' }]);
    gone.db.close();
    const same = world({ ...onRelay, relayDeskKey: DESK_KEY, delivery: 'desk' }, noContent, DESK_KEY);
    expect(await reportStatus(same.deps), 'in desk mode the iPad still reports').toBe(true);
    expect(same.kept).toEqual([]);
    same.db.close();
  });

  it('asks for the id the relay knows it by only while it has none (connected before the app kept it)', async () => {
    const { db, deps, fetched, kept } = world({ ...onRelay, relayDeviceId: '' });
    await reportStatus(deps);
    expect(fetched.toSorted()).toEqual([`${API}/desk/key`, `${API}/devices/me`, `${API}/relay/export-key`]);
    expect(kept).toEqual([{ facts: { relayDeviceId: 'd-9' }, token: 'tok' }]);
    db.close();
  });
});
