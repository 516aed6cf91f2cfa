// The posting desk page's logic without a browser (issue 27; the page itself is tested in Chromium,
// tests/e2e/relay-desk.spec.ts): the desk goes locked → open → a story, oldest first → posted → the
// next, a wrong passphrase changes nothing, a story that does not open is set aside by its code and
// the desk goes on; closing forgets every opened story; a page hidden for the delay is cleared, and
// one shown again sooner is not; the script bundles and is served under the admin page's CSP,
// which allows WebAssembly (hash-wasm's Argon2id) and nothing else new.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deskApi, RelayProblem, SignedOut } from '../../../relay/admin/desk/deskApi.ts';
import {
  type DeskApi,
  DeskSession,
  type PostProblem,
  type StoredDeskKey,
  type Waiting,
} from '../../../relay/admin/desk/deskSession.ts';
import { deskWords } from '../../../relay/admin/desk/deskWords.ts';
import { hideGuard } from '../../../relay/admin/desk/hideGuard.ts';
import { bundleDesk } from '../../../relay/admin/deskBundle.ts';
import { CSP } from '../../../relay/admin/page.ts';
import { type Argon2, makeDeskKey, sealDeskStory } from '../../../src/domain/desk/index.ts';
import { parseStoryAddress } from '../../../src/domain/story/storyAddress.ts';
import { QueuedStorySchema } from '../../../src/domain/story/submission.ts';
import { nodeCrypto as crypto } from '../app/relayKeys.ts';
import { useDatabases } from './databases.ts';
import { startWorld } from './harness.ts';

const databases = useDatabases();
const PASS = 'a passphrase for the desk';
/** A quick stand-in for Argon2id: the hash's cost is not what is tested here. */
const quickArgon2: Argon2 = async (passphrase, salt, kdf) =>
  new Uint8Array(
    createHash('sha256')
      .update(JSON.stringify([passphrase, [...salt], kdf]))
      .digest(),
  );

const story = (n: number, email: string | null = 'someone@example.org') => ({
  idempotencyKey: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  body: QueuedStorySchema.parse({
    title: `Made-up story ${n}`,
    body: 'The nurse explained everything.',
    healthservices: [{ nacs: 'RX1RA', name: 'Ward 7' }],
    author: { username: `Teller ${n}`, email, postcode: 'SW1A 1AA', role: 'patient', ageGroup: '35-44' },
    postedOnBehalf: false,
    consent: { publish: true, givenAt: '2026-11-24T10:42:00Z', recordedBy: 'Sam' },
    collectedAt: '2026-11-24T10:30:00Z',
    submissionRoute: 'assisted-offline-app',
  }),
});

/** The relay's desk routes in memory: the list oldest first, the address rule, receipts. */
async function fakeRelay(sealedCount: number, extra: Waiting[] = []) {
  const made = await makeDeskKey(crypto, quickArgon2, PASS);
  const stored: StoredDeskKey = { ...made, region: 'uk' };
  const list: Waiting[] = [];
  for (let n = 1; n <= sealedCount; n++)
    list.push({
      id: `s${n}`,
      device: { id: 'd1', name: 'Ward 3 iPad' },
      receivedAt: new Date(Date.UTC(2026, 10, n)).toISOString(),
      kid: made.kid,
      sealed: await sealDeskStory(crypto, made, story(n)),
      overdue: n === 1,
    });
  list.splice(1, 0, ...extra);
  const sent: string[] = [];
  const api: DeskApi = {
    key: async () => stored,
    waiting: async () => structuredClone(list),
    posted: async (id, address) => {
      sent.push(JSON.stringify({ id, address }));
      const checked = parseStoryAddress(address);
      if (!checked.ok) return { ok: false, problem: checked.problem };
      const at = list.findIndex((w) => w.id === id);
      if (at < 0) return { ok: false, problem: 'unknown-story' as PostProblem };
      list.splice(at, 1);
      return {
        ok: true,
        receipt: { id, storyNumber: checked.storyNumber, postedAt: 'now', deviceId: 'd1' },
      };
    },
  };
  return { api, list, sent, made };
}

describe('the desk session', () => {
  it('opens with the passphrase only, shows the oldest story, posts it by its address and moves on', async () => {
    const relay = await fakeRelay(3);
    const desk = new DeskSession(relay.api, crypto, quickArgon2);
    expect(desk.view()).toEqual({ kind: 'locked' });
    expect(await desk.unlock('')).toEqual({ ok: false, problem: 'empty' });
    expect(await desk.unlock('not the passphrase')).toEqual({ ok: false, problem: 'wrong-passphrase' });
    expect([desk.isOpen, desk.view()]).toEqual([false, { kind: 'locked' }]);
    expect(relay.list).toHaveLength(3); // nothing lost

    const opened = await desk.unlock(PASS);
    if (!opened.ok || opened.view.kind !== 'open') throw new Error('did not open');
    expect(opened.view).toMatchObject({ waiting: 3, overdue: 1, setAside: [] });
    expect(opened.view.current?.story.body.title).toBe('Made-up story 1');
    expect([opened.view.current?.position, opened.view.current?.total]).toEqual([1, 3]);

    const refused = await desk.post('https://example.com/opinions/123');
    expect(refused).toMatchObject({ ok: false, problem: 'notCareOpinion' });
    expect(refused.view.kind === 'open' && refused.view.current?.waiting.id).toBe('s1');

    const posted = await desk.post('https://www.careopinion.org.uk/opinions/1234567');
    expect(posted).toMatchObject({ ok: true, receipt: { id: 's1', storyNumber: '1234567' } });
    if (posted.view.kind !== 'open') throw new Error('closed');
    expect(posted.view.current?.story.body.title).toBe('Made-up story 2');
    expect([posted.view.current?.position, posted.view.current?.total, posted.view.waiting]).toEqual([
      2, 3, 2,
    ]);
    // Only the address ever went back to the relay: never a word of the story.
    expect(relay.sent.join('\n')).not.toMatch(/Made-up|Teller|SW1A|example\.org|nurse/);

    // Withdrawn on its iPad meanwhile: said so, and the next story (here none) comes up.
    relay.list.splice(0, 1);
    const gone = await desk.post('7654321');
    expect(gone).toMatchObject({ ok: false, problem: 'unknown-story', view: { waiting: 1 } });
    expect(gone.view.kind === 'open' && gone.view.current?.waiting.id).toBe('s3');
    const last = await desk.post('7654322');
    expect(last.view).toMatchObject({ kind: 'open', waiting: 0, current: null });
  });

  it('sets a story that does not open aside with its code and shows the next', async () => {
    const other = await makeDeskKey(crypto, quickArgon2, PASS);
    const elsewhere = await sealDeskStory(crypto, other, story(99));
    const relay = await fakeRelay(3, [
      {
        id: 'x1',
        device: { id: 'd2', name: 'Outpatients iPad' },
        receivedAt: '2026-11-01T12:00:00Z',
        kid: other.kid,
        sealed: elsewhere,
        overdue: false,
      },
      {
        id: 'x2',
        device: { id: 'd2', name: 'Outpatients iPad' },
        receivedAt: '2026-11-01T12:00:00Z',
        kid: 'whatever',
        sealed: 'bm90LXNlYWxlZA',
        overdue: false,
      },
    ]);
    const desk = new DeskSession(relay.api, crypto, quickArgon2);
    const opened = await desk.unlock(PASS);
    if (!opened.ok || opened.view.kind !== 'open') throw new Error('did not open');
    expect(opened.view.current?.waiting.id).toBe('s1');
    const posted = await desk.post('1000001');
    if (posted.view.kind !== 'open') throw new Error('closed');
    expect(posted.view.current?.waiting.id).toBe('s2');
    expect(posted.view.setAside.map((s) => [s.waiting.id, s.problem])).toEqual([
      ['x1', 'another-desk'],
      ['x2', 'not-a-desk-story'],
    ]);
    expect(posted.view.waiting).toBe(2);
    for (const s of posted.view.setAside) expect(deskWords.notOpenedProblem[s.problem]).toMatch(/iPad/);
    // The ones set aside are passed over again on the next pass, not stopped at.
    const again = await desk.post('1000002');
    expect(again.view.kind === 'open' && again.view.current?.waiting.id).toBe('s3');
  });

  it('forgets the key and every opened story when closed', async () => {
    const relay = await fakeRelay(2);
    const desk = new DeskSession(relay.api, crypto, quickArgon2);
    await desk.unlock(PASS);
    desk.close();
    expect([desk.isOpen, desk.view()]).toEqual([false, { kind: 'locked' }]);
    expect(await desk.post('1234')).toMatchObject({ ok: false, problem: 'unknown-story' });
    expect(relay.sent).toEqual([]);
    expect(await desk.refresh()).toEqual({ kind: 'locked' });
  });
});

describe('the desk’s calls', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads each answer of “I have posted it” as a code the page words, and sends only the address', async () => {
    const answers: [number, unknown][] = [
      [200, { id: 's1', storyNumber: '1234567', postedAt: 'now', deviceId: 'd1' }],
      [422, { error: 'story-address-refused', problem: 'notAStory' }],
      [409, { error: 'withdrawn' }],
      [409, { error: 'already-posted' }],
      [404, { error: 'unknown-story' }],
    ];
    const sent: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('sessionStorage', { getItem: () => 'the-token' });
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      const [status, body] = answers.shift() ?? [500, {}];
      return new Response(JSON.stringify(body), { status });
    });
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push(await deskApi.posted('s 1', 'https://www.careopinion.org.uk/1234567'));
    expect(results).toEqual([
      { ok: true, receipt: { id: 's1', storyNumber: '1234567', postedAt: 'now', deviceId: 'd1' } },
      { ok: false, problem: 'notAStory' },
      { ok: false, problem: 'withdrawn' },
      { ok: false, problem: 'already-posted' },
      { ok: false, problem: 'unknown-story' },
    ]);
    for (const problem of ['withdrawn', 'already-posted', 'unknown-story'] as const)
      expect(deskWords.postProblem[problem]).toBeTruthy();
    expect(sent[0]?.url).toBe('/admin/api/desk/stories/s%201/posted');
    expect(sent[0]?.init.body).toBe(
      JSON.stringify({ storyAddress: 'https://www.careopinion.org.uk/1234567' }),
    );
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer the-token');
    await expect(deskApi.posted('s1', '1')).rejects.toBeInstanceOf(RelayProblem); // 500
    answers.push([401, { error: 'admin-token-wrong' }]);
    await expect(deskApi.waiting()).rejects.toBeInstanceOf(SignedOut);
  });
});

describe('the hidden page', () => {
  function clock() {
    let now = 0;
    const timers = new Map<number, { at: number; run: () => void }>();
    let next = 1;
    return {
      now: () => now,
      setTimer: (run: () => void, ms: number) => {
        timers.set(next, { at: now + ms, run });
        return next++;
      },
      clearTimer: (id: unknown) => void timers.delete(id as number),
      /** Time passes; timers fire (unless `throttled`: a hidden tab's may not). */
      pass(ms: number, throttled = false) {
        now += ms;
        if (throttled) return;
        for (const [id, timer] of [...timers]) {
          if (timer.at > now) continue;
          timers.delete(id);
          timer.run();
        }
      },
      pending: () => timers.size,
    };
  }

  it('clears the desk after the delay hidden, not when shown again sooner, and also when the timer was throttled', () => {
    const c = clock();
    let cleared = 0;
    const guard = hideGuard(() => void cleared++, { delayMs: 180_000, ...c });
    guard.hidden();
    c.pass(179_999);
    guard.shown();
    expect([cleared, c.pending()]).toEqual([0, 0]);

    guard.hidden();
    c.pass(180_000);
    expect(cleared).toBe(1);
    guard.shown(); // already cleared: once only
    expect(cleared).toBe(1);

    guard.hidden();
    c.pass(600_000, true); // the hidden tab's timer never ran
    guard.shown();
    expect([cleared, c.pending()]).toEqual([2, 0]);
  });
});

describe('the desk script', () => {
  it('bundles into one module that never parses text as HTML', async () => {
    const script = await bundleDesk();
    expect(script.length).toBeGreaterThan(10_000);
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(script).not.toMatch(/^\s*import\s/m); // one file: nothing else to fetch
  }, 60_000);

  it('is served at /admin/desk.js under the admin page’s CSP: WebAssembly allowed, eval and inline code not', async () => {
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CSP).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    const world = await startWorld(await databases.url('sqlite'));
    try {
      const page = await fetch(`${world.relay.url}/admin/`);
      expect(await page.text()).toContain('<script type="module" src="/admin/desk.js"></script>');
      const script = await fetch(`${world.relay.url}/admin/desk.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(script.headers.get('content-security-policy')).toBe(CSP);
      expect(await script.text()).toContain('Set up the posting desk');
    } finally {
      await world.close();
    }
  }, 60_000);
});
