// Issue 26's shared contract: the status body (numbers only) and the sealed file's round trip,
// refusals and absence of plaintext — in Node's Web Crypto, as the relay opens it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeviceStatusSchema } from '../../../src/domain/fleet/deviceStatus';
import { openStories, sealStories } from '../../../src/domain/fleet/sealedFile';
import { nodeCrypto as crypto, relayKeyPair } from '../app/relayKeys.ts';

const status = {
  waiting: 3,
  needsAttention: 1,
  readyToPost: 0,
  drafts: 2,
  oldestWaitingAt: '2026-12-01T09:00:00.000Z',
  appVersion: '2026.12.7+a17a1c3',
  storage: { persisted: true, usedBytes: 123456, quotaBytes: 1_000_000_000 },
};

describe('the status body', () => {
  it('takes counts, a time or null, a version and storage figures', () => {
    expect(DeviceStatusSchema.safeParse(status).success).toBe(true);
    expect(DeviceStatusSchema.safeParse({ ...status, oldestWaitingAt: null }).success).toBe(true);
  });

  it('refuses unknown fields, negative or fractional counts and a version with other characters', () => {
    for (const bad of [
      { ...status, title: 'x' },
      { ...status, waiting: -1 },
      { ...status, drafts: 1.5 },
      { ...status, appVersion: 'v 1' },
      { ...status, appVersion: 'x'.repeat(65) },
      { ...status, storage: { ...status.storage, services: [] } },
      { ...status, oldestWaitingAt: 'last Tuesday' },
    ])
      expect(DeviceStatusSchema.safeParse(bad).success).toBe(false);
  });

  it('never accepts a string field that could hold text: a space, an @ or a letter run past 64 is refused', () => {
    const stringFields = ['oldestWaitingAt', 'appVersion'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...stringFields),
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => /[\s@,'"]/.test(s) || s.length > 64),
        (field, text) => {
          expect(DeviceStatusSchema.safeParse({ ...status, [field]: text }).success).toBe(false);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (text) => {
        for (const field of ['waiting', 'needsAttention', 'readyToPost', 'drafts'])
          expect(DeviceStatusSchema.safeParse({ ...status, [field]: text }).success).toBe(false);
      }),
    );
  });
});

async function relayKey(kid = 'k1') {
  const { published, opener } = await relayKeyPair(kid);
  return { published, ...opener };
}

const contents = {
  deviceId: 'device-1',
  createdAt: '2026-12-07T16:00:00.000Z',
  stories: [
    { idempotencyKey: 'key-1', body: { title: 'Kind staff on ward 7', body: 'They listened to my mum.' } },
  ],
};

describe('the sealed file', () => {
  it('opens with the relay key it was sealed to, and holds no plaintext of any field', async () => {
    const relay = await relayKey();
    const file = await sealStories(crypto, relay.published, contents);
    const text = new TextDecoder().decode(file);
    for (const plain of ['Kind staff', 'listened', 'device-1', 'key-1', '2026-12-07'])
      expect(text).not.toContain(plain);
    expect(await openStories(crypto, relay, file)).toEqual({ ok: true, contents });
  });

  it('refuses a flipped byte anywhere in the ciphertext, salt or iv, and changes nothing', async () => {
    const relay = await relayKey();
    const file = await sealStories(crypto, relay.published, contents);
    const envelope = JSON.parse(new TextDecoder().decode(file));
    for (const field of ['ciphertext', 'salt', 'iv'] as const) {
      const value: string = envelope[field];
      // Another character at a place that carries whole bits (never the last, which may hold padding).
      const other = (i: number) => value.slice(0, i) + (value[i] === 'A' ? 'B' : 'A') + value.slice(i + 1);
      const flipped = { ...envelope, [field]: other(0) };
      const changed = other(3);
      for (const e of [flipped, { ...envelope, [field]: changed }]) {
        const result = await openStories(crypto, relay, new TextEncoder().encode(JSON.stringify(e)));
        expect(result).toEqual({ ok: false, problem: 'does-not-open' });
      }
    }
  });

  it('refuses a file sealed to another relay, a truncated file and one that is not a sealed file', async () => {
    const relay = await relayKey('ours');
    const other = await relayKey('theirs');
    const file = await sealStories(crypto, other.published, contents);
    expect(await openStories(crypto, relay, file)).toEqual({ ok: false, problem: 'another-relay' });
    // The same kid but another key: it does not open.
    const sameKid = { ...other, kid: 'ours', published: { ...other.published, kid: 'ours' } };
    const forged = await sealStories(crypto, sameKid.published, contents);
    expect(await openStories(crypto, relay, forged)).toEqual({ ok: false, problem: 'does-not-open' });
    const ours = await sealStories(crypto, relay.published, contents);
    expect(await openStories(crypto, relay, ours.slice(0, ours.length - 10))).toEqual({
      ok: false,
      problem: 'not-a-sealed-file',
    });
    expect(await openStories(crypto, relay, new TextEncoder().encode('{"hello":1}'))).toEqual({
      ok: false,
      problem: 'not-a-sealed-file',
    });
    expect(await openStories(crypto, relay, new Uint8Array([0xff, 0xfe, 0x00]))).toEqual({
      ok: false,
      problem: 'not-a-sealed-file',
    });
  });
});
