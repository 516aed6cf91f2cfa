// Issue 26: when Home offers "Export unsent stories" — the one rule (domain/settings/relay.ts).
import { describe, expect, it } from 'vitest';
import { exportOffered } from '../../../src/domain/settings/relay.ts';

const key = { kid: 'k1', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } };
const onRelay = { relayToken: 'tok', relayDeviceId: 'device-1', relayExportKey: key as unknown };

describe('exportOffered (case table)', () => {
  it.each<[string, typeof onRelay, number, boolean]>([
    ['on a relay with its key, a story waiting', onRelay, 1, true],
    ['nothing waiting', onRelay, 0, false],
    [
      'no relay (a direct key, or by hand): nobody could open the file',
      { ...onRelay, relayToken: '' },
      3,
      false,
    ],
    ['connected before the relay gave its id: Connect again', { ...onRelay, relayDeviceId: '' }, 3, false],
    ['no export key yet (fetched while online)', { ...onRelay, relayExportKey: null }, 3, false],
  ])('%s', (_, settings, waiting, offered) => {
    expect(exportOffered(settings, waiting)).toBe(offered);
  });
});
