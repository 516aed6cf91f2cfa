// Settings rules: the API address, lenient reading of stored settings, first-run adoption.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  adoptAppConfig,
  checkApiAddress,
  DEFAULT_SETTINGS,
  destinationChangeNeedsCode,
  readSettings,
} from '../../../src/domain/settings/settings.ts';

describe('checkApiAddress', () => {
  it.each([
    ['https://relay.example.org/api/v2', 'https://relay.example.org/api/v2'],
    ['https://relay.example.org/api/v2/', 'https://relay.example.org/api/v2'],
    ['  http://localhost:8787/api/v2 ', 'http://localhost:8787/api/v2'],
    ['http://127.0.0.1:4173/api/v2', 'http://127.0.0.1:4173/api/v2'],
  ])('accepts %s', (value, address) => {
    expect(checkApiAddress(value)).toEqual({ ok: true, address });
  });

  it.each([
    ['', 'enterApiAddress'],
    ['relay.example.org', 'notWebAddress'],
    ['http://relay.example.org/api/v2', 'useHttps'],
    ['http://192.168.1.4/api/v2', 'useHttps'],
    ['ftp://localhost/api', 'useHttps'],
  ])('refuses %j with a reason', (value, reason) => {
    const result = checkApiAddress(value);
    expect(result).toEqual({ ok: false, reason });
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof checkApiAddress(s).ok === 'boolean'));
  });
});

describe('settings keep only organisation-wide choices', () => {
  it('an old record loses its staff name, role, service and focus theme, and keeps everything else', () => {
    const old = {
      ...DEFAULT_SETTINGS,
      organisation: 'City Hospital',
      apiAddress: 'https://relay.example.org/api/v2',
      staffName: 'Sam',
      staffRole: 'volunteer',
      serviceName: 'Ward 7',
      focusTheme: 'discharge',
    };
    const read = readSettings(old);
    expect(read).toEqual({
      ...DEFAULT_SETTINGS,
      organisation: 'City Hospital',
      apiAddress: 'https://relay.example.org/api/v2',
    });
    expect(JSON.stringify(read)).not.toMatch(/Sam|volunteer|Ward 7|discharge/);
    // Also when another field is damaged (read field by field).
    expect(JSON.stringify(readSettings({ ...old, region: 'mars' }))).not.toContain('Sam');
  });
});

describe('readSettings', () => {
  it('gives defaults for a new device and keeps good fields of a damaged record', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const read = readSettings({
      apiAddress: 'https://a.example/api/v2',
      region: 'mars',
      onBehalfThreshold: 7,
    });
    expect(read.apiAddress).toBe('https://a.example/api/v2');
    expect(read.region).toBe('uk');
    expect(read.onBehalfThreshold).toBe(0.05);
  });

  it('never throws on anything stored', () => {
    fc.assert(fc.property(fc.anything(), (raw) => readSettings(raw).region.length > 0));
  });
});

describe('adoptAppConfig', () => {
  it('adopts a valid set-up file', () => {
    const result = adoptAppConfig({
      apiAddress: 'http://localhost:4173/api/v2/',
      key: 'sandbox-key',
      region: 'uk',
    });
    expect(result.kind).toBe('adopted');
    if (result.kind === 'adopted') {
      expect(result.settings.apiAddress).toBe('http://localhost:4173/api/v2');
      expect(result.settings.key).toBe('sandbox-key');
    }
  });

  it('ignores an invalid file or address with a note, and keeps nothing from it', () => {
    expect(adoptAppConfig({ region: 42 })).toMatchObject({
      kind: 'ignored',
      note: { code: 'configInvalid' },
    });
    expect(adoptAppConfig({ apiAddress: 'http://example.org' })).toMatchObject({
      kind: 'ignored',
      note: { code: 'addressIgnored', reason: 'useHttps' },
    });
  });
});

describe('destinationChangeNeedsCode', () => {
  const chosen = {
    settings: { ...DEFAULT_SETTINGS, apiAddress: 'https://relay.example.org/api/v2', key: 'k' },
    note: null,
    destinationChosen: true,
  };
  it('asks for the recovery code to change the address, the key or how stories reach Care Opinion', () => {
    const same = { apiAddress: 'https://relay.example.org/api/v2', key: 'k' };
    expect(destinationChangeNeedsCode(chosen, same)).toBe(false);
    expect(destinationChangeNeedsCode(chosen, { ...same, delivery: 'automatic' })).toBe(false);
    expect(destinationChangeNeedsCode(chosen, { ...same, apiAddress: 'https://evil.example/api/v2' })).toBe(
      true,
    );
    expect(destinationChangeNeedsCode(chosen, { ...same, key: 'other' })).toBe(true);
    expect(destinationChangeNeedsCode(chosen, { ...same, delivery: 'by-hand' })).toBe(true);
  });
  it('not on first set-up, and not to clear the address (that only stops sending)', () => {
    expect(
      destinationChangeNeedsCode(
        { ...chosen, destinationChosen: false },
        { apiAddress: 'https://x.example/api/v2', key: '' },
      ),
    ).toBe(false);
    expect(destinationChangeNeedsCode(chosen, { apiAddress: '', key: '' })).toBe(false);
  });
});
