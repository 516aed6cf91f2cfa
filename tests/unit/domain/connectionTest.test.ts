// "Test connection": which connection it tests (issue 22 row 1: never the saved key to a typed
// address) and the relay's status answer read for an enrolled iPad (issue 21 item 7).
import { describe, expect, it } from 'vitest';
import { connectionToTest, relayStatusVerdict } from '../../../src/domain/settings/connection.ts';
import { trustedRelayOrigins } from '../../../src/domain/settings/relayTrust.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { withSavedKey } from '../../../src/domain/settings/settingsForm.ts';

const SAVED_DIRECT = {
  apiAddress: 'https://www.careopinion.org.uk/api/v2',
  key: 'saved-key',
  relayToken: '',
};
const SAVED_RELAY = { apiAddress: 'https://relay.example.org/api/v2', key: '', relayToken: 'device-token' };
const json = (status: number, body: unknown) =>
  ({ kind: 'response', status, contentType: 'application/json', json: body }) as const;

describe('which connection "Test connection" tests', () => {
  it('the saved address with the saved key, or this iPad’s relay token, when no key is typed', () => {
    expect(connectionToTest(SAVED_DIRECT, 'https://www.careopinion.org.uk/api/v2/', '')).toEqual({
      apiAddress: SAVED_DIRECT.apiAddress,
      key: 'saved-key',
    });
    expect(connectionToTest(SAVED_RELAY, ' https://relay.example.org/api/v2 ', '')).toEqual({
      apiAddress: SAVED_RELAY.apiAddress,
      key: '',
      token: 'device-token',
    });
  });

  it('a typed address with the typed key only: never the saved key or token (nothing to test without one)', () => {
    expect(connectionToTest(SAVED_DIRECT, 'https://collector.example.com/api/v2', '')).toBeNull();
    expect(connectionToTest(SAVED_RELAY, 'https://collector.example.com/api/v2', '')).toBeNull();
    expect(connectionToTest(SAVED_DIRECT, 'https://collector.example.com/api/v2', 'typed')).toEqual({
      apiAddress: 'https://collector.example.com/api/v2',
      key: 'typed',
    });
    // A key typed for the saved address is tested as typed, too.
    expect(connectionToTest(SAVED_DIRECT, SAVED_DIRECT.apiAddress, 'typed')).toEqual({
      apiAddress: SAVED_DIRECT.apiAddress,
      key: 'typed',
    });
  });
});

describe('the relay’s status answer', () => {
  it('tells connected, revoked, unreachable and the relay’s key refused apart', () => {
    expect(relayStatusVerdict(json(200, { relay: 1, upstream: 'accepted' }))).toBe('relay-working');
    expect(relayStatusVerdict(json(401, { error: 'device-revoked' }))).toBe('relay-revoked');
    expect(relayStatusVerdict(json(401, { error: 'device-unknown' }))).toBe('relay-revoked');
    expect(relayStatusVerdict({ kind: 'network-error' })).toBe('relay-unreachable');
    expect(relayStatusVerdict({ kind: 'timeout' })).toBe('relay-unreachable');
    expect(relayStatusVerdict(json(200, { relay: 1, upstream: 'refused' }))).toBe('relay-key-refused');
    expect(relayStatusVerdict(json(200, { relay: 1, upstream: 'unreachable' }))).toBe(
      'relay-upstream-unreachable',
    );
    expect(relayStatusVerdict(json(404, { error: 'not-found' }))).toBe('server-problem');
    expect(relayStatusVerdict(json(200, { relay: 1, upstream: 'toString' }))).toBe('server-problem');
  });
});

describe('the key field (never filled with the saved key)', () => {
  const saved = { ...DEFAULT_SETTINGS, ...SAVED_DIRECT };
  it('left empty, keeps the saved key for the saved address only', () => {
    expect(withSavedKey(saved, { apiAddress: `${SAVED_DIRECT.apiAddress}/`, key: '' }).key).toBe('saved-key');
    expect(withSavedKey(saved, { apiAddress: 'https://collector.example.com/api/v2', key: '' }).key).toBe('');
    expect(withSavedKey(saved, { apiAddress: SAVED_DIRECT.apiAddress, key: 'new-key' }).key).toBe('new-key');
  });
});

describe('the relay origins a deployment trusts (app-config.json relayOrigins)', () => {
  it('reads each as a relay address, and trusts nothing from anything else', () => {
    expect(
      trustedRelayOrigins({
        relayOrigins: ['relay.example.org', 'https://b.example.org/api/v2', 'http://x.org', 7],
      }),
    ).toEqual(['https://relay.example.org', 'https://b.example.org']);
    expect(trustedRelayOrigins(null)).toEqual([]);
    expect(trustedRelayOrigins({ relayOrigins: 'relay.example.org' })).toEqual([]);
  });
});
