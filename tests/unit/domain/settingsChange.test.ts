// What saving Settings means (settingsForm.ts settingsChange): the one place for the rules a save
// applies — a new address drops the relay token, a new delivery mode moves waiting stories, a new
// address or key fetches a new directory — and when the form as typed asks for the recovery code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings/settings.ts';
import { settingsChange, typedChangeNeedsCode } from '../../../src/domain/settings/settingsForm.ts';

const relay: Settings = {
  ...DEFAULT_SETTINGS,
  apiAddress: 'https://relay.example.org/api',
  relayToken: 'token-1',
};

describe('settingsChange', () => {
  it.each([
    ['nothing changed', relay, relay, { token: 'token-1', moveTo: null, newDirectory: false }],
    [
      'the organisation renamed',
      relay,
      { ...relay, organisation: 'Ward 4' },
      { token: 'token-1', moveTo: null, newDirectory: false },
    ],
    [
      'a new address',
      relay,
      { ...relay, apiAddress: 'https://other.example.org/api' },
      { token: '', moveTo: null, newDirectory: true },
    ],
    ['a new key', relay, { ...relay, key: 'k2' }, { token: 'token-1', moveTo: null, newDirectory: true }],
    [
      'the address cleared',
      relay,
      { ...relay, apiAddress: '' },
      { token: '', moveTo: 'by-hand', newDirectory: false },
    ],
    [
      'posting by hand chosen',
      relay,
      { ...relay, delivery: 'by-hand' },
      { token: 'token-1', moveTo: 'by-hand', newDirectory: false },
    ],
    [
      'an address given to a device posting by hand',
      DEFAULT_SETTINGS,
      relay,
      { token: '', moveTo: 'automatic', newDirectory: true },
    ],
  ] as const)('%s', (_, previous, typed, expected) => {
    const change = settingsChange(previous, { ...typed });
    expect({
      token: change.next.relayToken,
      moveTo: change.moveTo,
      newDirectory: change.newDirectory,
    }).toEqual(expected);
  });
});

describe("settingsChange: the relay's own facts (issue 26)", () => {
  const key = { kid: 'k1', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } };
  const connected: Settings = { ...relay, relayDeviceId: 'device-1', relayExportKey: key };

  it('a new address drops the device id and export key with the token', () => {
    const { next } = settingsChange(connected, { ...connected, apiAddress: 'https://other.example.org/api' });
    expect(next).toMatchObject({ relayToken: '', relayDeviceId: '', relayExportKey: null });
  });

  it('the same address keeps the device’s own, never the form’s older copy', () => {
    // The form opened before the key was fetched: its copy has none.
    const typed = { ...connected, relayExportKey: null, organisation: 'Ward 4' };
    const { next } = settingsChange(connected, typed);
    expect(next).toMatchObject({ relayToken: 'token-1', relayDeviceId: 'device-1', relayExportKey: key });
    expect(next.organisation).toBe('Ward 4');
  });
});

describe('typedChangeNeedsCode', () => {
  const stored = { settings: relay, note: null, destinationChosen: true };
  it('asks for the code for a new destination, read as the address rule reads it', () => {
    expect(typedChangeNeedsCode(stored, { ...relay, apiAddress: ' https://relay.example.org/api ' })).toBe(
      false,
    );
    expect(typedChangeNeedsCode(stored, { ...relay, apiAddress: 'https://other.example.org/api' })).toBe(
      true,
    );
    expect(typedChangeNeedsCode(stored, { ...relay, delivery: 'by-hand' })).toBe(true);
    expect(typedChangeNeedsCode(stored, { ...relay, apiAddress: '' })).toBe(false);
  });
  it('asks nothing before a destination was chosen', () => {
    expect(typedChangeNeedsCode({ ...stored, destinationChosen: false }, { ...relay, key: 'k2' })).toBe(
      false,
    );
  });
});
