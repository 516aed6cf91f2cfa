// "Connect again" after a revoke (issue 21, item 7): an iPad already on a relay keeps the relay's
// address and needs only a new enrolment code — no address typed again, no recovery code.
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { connectRelay, type RelayConnectDeps } from '../../../src/app/settings/relayConnect.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings/settings.ts';
import { PUBLISHED_KEY } from './relayKeys.ts';

const API = 'https://relay.example.org/api/v2';
const RECOVERY = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF';

const EXPORT_KEY = PUBLISHED_KEY;

/** What `GET /desk/key` answers (issue 27): a key, `'no-desk'` (404), or nothing readable (null). */
type DeskAnswer = unknown;

function world(
  settings: Settings,
  trusted: string[] = [],
  chosen = true,
  exportKey: unknown = EXPORT_KEY,
  deskKey: DeskAnswer = null,
) {
  const requests: { url: string; body: unknown; authorization?: string | undefined }[] = [];
  const saved: Settings[] = [];
  const deps: RelayConnectDeps = {
    settings: signal(settings),
    destinationChosen: signal(chosen),
    checkRecoveryCode: async (code) =>
      code === RECOVERY ? { ok: true } : ({ ok: false, reason: 'wrongCode' } as never),
    trustedRelayOrigins: async () => trusted,
    save: async (next) => {
      saved.push(next);
      return { ok: true };
    },
    fetch: async (url, init) => {
      const authorization = (init?.headers as Record<string, string> | undefined)?.Authorization;
      requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined, authorization });
      if (url.endsWith('/desk/key'))
        return deskKey === 'no-desk' || deskKey === null
          ? new Response(JSON.stringify({ error: deskKey === null ? 'not-found' : 'no-desk' }), {
              status: 404,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(JSON.stringify(deskKey), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            });
      if (url.endsWith('/relay/export-key'))
        return exportKey === null
          ? new Response('{"error":"not-found"}', {
              status: 404,
              headers: { 'content-type': 'application/json' },
            })
          : new Response(JSON.stringify(exportKey), {
              status: 200,
              headers: { 'content-type': 'application/json' },
            });
      return new Response(JSON.stringify({ token: 'new-token', deviceId: 'd-2' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
  return { deps, requests, saved };
}

describe('Connect again', () => {
  it('on a revoked iPad, keeps the saved relay address and asks only for the new code', async () => {
    const revoked = { ...DEFAULT_SETTINGS, apiAddress: API, key: '', relayToken: 'revoked-token' };
    const { deps, requests, saved } = world(revoked);
    expect(await connectRelay(deps, '', 'NEW1-CODE-22', undefined)).toEqual({ ok: true });
    expect(requests.map((r) => r.url)).toEqual([
      `${API}/devices`,
      `${API}/relay/export-key`,
      `${API}/desk/key`,
    ]);
    expect(requests[0]?.body).toMatchObject({ code: 'NEW1-CODE-22' });
    expect(saved).toEqual([expect.objectContaining({ apiAddress: API, key: '', relayToken: 'new-token' })]);
  });

  it('still asks for the relay address on an iPad that has never been on one', async () => {
    const direct = { ...DEFAULT_SETTINGS, apiAddress: 'https://www.careopinion.org.uk/api/v2', key: 'k' };
    const { deps, requests } = world(direct);
    expect(await connectRelay(deps, '', 'NEW1-CODE-22', undefined)).toEqual({
      ok: false,
      reason: 'enterRelayAddress',
    });
    expect(requests).toEqual([]);
  });
});

describe('an enrolment link (issue 22 row 2)', () => {
  const fresh = DEFAULT_SETTINGS; // no destination yet

  it('to a relay the deployment names needs only "Connect", first destination or not', async () => {
    for (const [settings, chosen] of [
      [fresh, false],
      [{ ...DEFAULT_SETTINGS, apiAddress: 'https://other.example.org/api/v2', key: 'k' }, true],
    ] as const) {
      const { deps, saved } = world(settings, ['https://relay.example.org'], chosen);
      expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
      expect(saved).toEqual([expect.objectContaining({ apiAddress: API, relayToken: 'new-token' })]);
    }
  });

  it('to any other origin needs the recovery code too, the first destination included', async () => {
    const { deps, requests, saved } = world(fresh, ['https://trusted.example.org'], false);
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({
      ok: false,
      reason: 'relayNeedsCode',
    });
    expect(requests).toEqual([]); // the one-time code is not spent
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', RECOVERY)).toEqual({ ok: true });
    expect(saved).toHaveLength(1);
  });
});

describe('posting by hand, chosen while there was no address', () => {
  it('gives way to the relay connected next: its stories are sent, not left for a person', async () => {
    const byHand = { ...DEFAULT_SETTINGS, delivery: 'by-hand' as const };
    const { deps, saved } = world(byHand, ['https://relay.example.org'], true);
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(saved).toEqual([expect.objectContaining({ apiAddress: API, delivery: 'automatic' })]);
  });

  it('is kept when an iPad already sending somewhere moves to a relay', async () => {
    const chosen = {
      ...DEFAULT_SETTINGS,
      apiAddress: 'https://other.example.org/api/v2',
      delivery: 'by-hand' as const,
    };
    const { deps, saved } = world(chosen, ['https://relay.example.org'], true);
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(saved).toEqual([expect.objectContaining({ apiAddress: API, delivery: 'by-hand' })]);
  });
});

describe('the export key (issue 26)', () => {
  it('is fetched at "Connect" with the new token and kept with the id the relay gave this iPad', async () => {
    const { deps, requests, saved } = world(DEFAULT_SETTINGS, ['https://relay.example.org'], false);
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(requests[1]).toMatchObject({ url: `${API}/relay/export-key`, authorization: 'Bearer new-token' });
    expect(saved).toEqual([
      expect.objectContaining({ relayToken: 'new-token', relayDeviceId: 'd-2', relayExportKey: EXPORT_KEY }),
    ]);
  });

  it('an older relay without one (or an answer that is not a key): the iPad connects, with no key kept', async () => {
    for (const answer of [null, { kid: 'k', jwk: { kty: 'RSA' } }]) {
      const { deps, saved } = world(DEFAULT_SETTINGS, ['https://relay.example.org'], false, answer);
      expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
      expect(saved).toEqual([
        expect.objectContaining({ relayToken: 'new-token', relayDeviceId: 'd-2', relayExportKey: null }),
      ]);
    }
  });
});

describe('the posting desk key (issue 27)', () => {
  const DESK_KEY = { ...PUBLISHED_KEY, kid: 'desk-key-1' };

  it('is fetched at "Connect" with the new token and kept, so Settings can offer the desk', async () => {
    const { deps, requests, saved } = world(
      DEFAULT_SETTINGS,
      ['https://relay.example.org'],
      false,
      EXPORT_KEY,
      DESK_KEY,
    );
    expect(await connectRelay(deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(requests.find((r) => r.url === `${API}/desk/key`)).toMatchObject({
      authorization: 'Bearer new-token',
    });
    expect(saved).toEqual([expect.objectContaining({ relayToken: 'new-token', relayDeskKey: DESK_KEY })]);
  });

  it('a relay with no desk (404 no-desk) is kept as such; an unreadable answer keeps nothing (asked again later)', async () => {
    const none = world(DEFAULT_SETTINGS, ['https://relay.example.org'], false, EXPORT_KEY, 'no-desk');
    expect(await connectRelay(none.deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(none.saved).toEqual([expect.objectContaining({ relayDeskKey: 'none' })]);
    const unknown = world(DEFAULT_SETTINGS, ['https://relay.example.org'], false, EXPORT_KEY, null);
    expect(await connectRelay(unknown.deps, 'relay.example.org', 'CODE-1', undefined)).toEqual({ ok: true });
    expect(unknown.saved).toEqual([expect.objectContaining({ relayDeskKey: null })]);
  });
});
