// Issue 26's closing note asks for the export time of 200 stories: printed here (fake-indexeddb in
// Node, the app's code path, Node's Web Crypto), not asserted — a figure to compare, never a gate.
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { markExported, sealUnsent } from '../../../src/app/send/export.ts';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings/settings.ts';
import { createDb } from '../../../src/store/db.ts';
import { testCipher } from '../../fixtures/cipher.ts';
import { seedStories } from './heldStories.ts';
import { nodeCrypto, relayKeyPair } from './relayKeys.ts';

describe('export timing (printed)', () => {
  it('200 stories: sealed into one file, then marked "Exported"', async () => {
    const cipher = await testCipher();
    const db = createDb(`export-timing-${Date.now()}`);
    const ids = Array.from({ length: 200 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    await seedStories(db, cipher, { queued: ids });
    const relay = await relayKeyPair();
    const settings = {
      ...DEFAULT_SETTINGS,
      apiAddress: 'https://relay.example.org/api/v2',
      relayToken: 'tok',
      relayDeviceId: 'device-1',
      relayExportKey: relay.published,
    };
    const deps = { db, cipher, crypto: nodeCrypto, settings: () => settings, now: Date.now };
    const t0 = performance.now();
    const file = await sealUnsent(deps);
    const t1 = performance.now();
    if (!file.ok) throw new Error(file.reason);
    expect(file.stories).toHaveLength(200);
    expect(await markExported(deps, file.stories)).toBe(200);
    const t2 = performance.now();
    console.log(
      `export of 200 stories: sealed in ${Math.round(t1 - t0)} ms (${(file.bytes.length / 1024).toFixed(0)} KiB), ` +
        `marked "Exported" in ${Math.round(t2 - t1)} ms, ${Math.round(t2 - t0)} ms in all`,
    );
    db.close();
  });
});
