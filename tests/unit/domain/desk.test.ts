// Issue 27's shared contract: a story sealed on the iPad to the desk's key opens only in the lead's
// browser with the passphrase — in Node's Web Crypto and hash-wasm, as the desk page runs them.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type Argon2,
  makeDeskKey,
  openDeskStory,
  passphraseProblem,
  sealDeskStory,
  unwrapDeskKey,
} from '../../../src/domain/desk/index.ts';
import { openStories, sealStories } from '../../../src/domain/fleet/sealedFile.ts';
import { QueuedStorySchema } from '../../../src/domain/story/submission.ts';
import { argon2Hash } from '../../../src/store/vault/argon2/argon2Engine.ts';
import { nodeCrypto as crypto, relayKeyPair } from '../app/relayKeys.ts';
import { validStory } from '../sandbox/helpers.ts';

/** The real Argon2id (hash-wasm), as the iPad's vault and the desk page run it. */
const realArgon2: Argon2 = (password, salt, kdf) => argon2Hash({ password, salt, kdf });
/** A quick stand-in where the hash's cost is not what is tested (same inputs, same 32 bytes). */
const quickArgon2: Argon2 = async (passphrase, salt, kdf) =>
  new Uint8Array(
    createHash('sha256')
      .update(JSON.stringify([passphrase, [...salt], kdf]))
      .digest(),
  );

const PASS = 'correct horse battery staple';
const body = QueuedStorySchema.parse({
  ...validStory(),
  title: 'A kind night nurse',
  body: 'Nurse Quillon held my hand all night on ward 7.',
  author: { ...validStory().author, email: 'quillon@example.org', postcode: 'SW1A 1AA' },
});
const story = { idempotencyKey: '0b9f2c1e-6a55-4c1f-9d8e-3a2b1c0d9e8f', body };

async function desk(argon2 = quickArgon2) {
  const made = await makeDeskKey(crypto, argon2, PASS);
  const opened = await unwrapDeskKey(crypto, argon2, made, PASS);
  if (!opened.ok) throw new Error(opened.problem);
  return { made, opener: { kid: made.kid, privateKey: opened.privateKey } };
}

describe('the desk key', () => {
  it('is wrapped with real Argon2id at 64 MiB and opens only with its passphrase', async () => {
    const made = await makeDeskKey(crypto, realArgon2, PASS);
    expect(made.wrapped.kdf).toEqual({ name: 'argon2id', memoryKiB: 65_536, iterations: 3, parallelism: 1 });
    expect(made.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(made)).not.toContain('"d"');
    expect((await unwrapDeskKey(crypto, realArgon2, made, 'correct horse battery stapler')).ok).toBe(false);
    const opened = await unwrapDeskKey(crypto, realArgon2, made, PASS);
    expect(opened.ok).toBe(true);
  });

  it('refuses a wrong passphrase, a changed byte, a wrap moved to another key and a weaker KDF, by code', async () => {
    const made = await makeDeskKey(crypto, quickArgon2, PASS);
    const other = await makeDeskKey(crypto, quickArgon2, PASS);
    const flip = (s: string) =>
      s[5] === 'A' ? `${s.slice(0, 5)}B${s.slice(6)}` : `${s.slice(0, 5)}A${s.slice(6)}`;
    const cases: [unknown, string][] = [
      [made, 'wrong'],
      [{ ...made, wrapped: { ...made.wrapped, ciphertext: flip(made.wrapped.ciphertext) } }, PASS],
      [{ ...made, wrapped: { ...made.wrapped, salt: flip(made.wrapped.salt) } }, PASS],
      [{ ...made, wrapped: other.wrapped }, PASS],
    ];
    for (const [stored, pass] of cases)
      expect(await unwrapDeskKey(crypto, quickArgon2, stored as typeof made, pass)).toEqual({
        ok: false,
        problem: 'wrong-passphrase',
      });
    const weaker = { ...made, wrapped: { ...made.wrapped, kdf: { ...made.wrapped.kdf, memoryKiB: 47_104 } } };
    expect(await unwrapDeskKey(crypto, quickArgon2, weaker, PASS)).toEqual({
      ok: false,
      problem: 'not-a-wrapped-key',
    });
    expect(await unwrapDeskKey(crypto, quickArgon2, { ...made, wrapped: 'x' }, PASS)).toEqual({
      ok: false,
      problem: 'not-a-wrapped-key',
    });
  });

  it('asks for a passphrase of 12 characters or more, typed the same twice', () => {
    expect(passphraseProblem('short', 'short')).toBe('too-short');
    expect(passphraseProblem(PASS, `${PASS} `)).toBe('not-the-same');
    expect(passphraseProblem(PASS, PASS)).toBeNull();
  });
});

describe('a desk story', () => {
  it('round-trips exactly, and its sealed text holds no field in plain', async () => {
    const { made, opener } = await desk();
    const sealed = await sealDeskStory(crypto, made, story);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    const decoded = Buffer.from(sealed, 'base64url').toString();
    for (const secret of ['Quillon', 'quillon@example.org', 'SW1A', 'ward 7', 'A kind night'])
      expect(decoded).not.toContain(secret);
    expect(await openDeskStory(crypto, opener, sealed)).toEqual({ ok: true, story });
    const placed = { ...story, places: ['Abernant Royal Infirmary, Elmstead', null] };
    expect(await openDeskStory(crypto, opener, await sealDeskStory(crypto, made, placed))).toEqual({
      ok: true,
      story: placed,
    });
  });

  it('refuses a flipped byte, another desk, a file of unsent stories and a non-story, by code', async () => {
    const { made, opener } = await desk();
    const another = await desk();
    const sealed = await sealDeskStory(crypto, made, story);
    const envelope = JSON.parse(Buffer.from(sealed, 'base64url').toString());
    const c = envelope.ciphertext as string;
    const flipped = {
      ...envelope,
      ciphertext: `${c.slice(0, 10)}${c[10] === 'A' ? 'B' : 'A'}${c.slice(11)}`,
    };
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    expect(await openDeskStory(crypto, opener, b64(flipped))).toEqual({
      ok: false,
      problem: 'does-not-open',
    });
    expect(await openDeskStory(crypto, another.opener, sealed)).toEqual({
      ok: false,
      problem: 'another-desk',
    });
    // the same kid with another private key: it does not open either
    const impostor = { kid: made.kid, privateKey: another.opener.privateKey };
    expect(await openDeskStory(crypto, impostor, sealed)).toEqual({ ok: false, problem: 'does-not-open' });
    const file = await sealStories(crypto, made, {
      deviceId: 'd',
      createdAt: new Date().toISOString(),
      stories: [],
    });
    expect(await openDeskStory(crypto, opener, Buffer.from(file).toString('base64url'))).toEqual({
      ok: false,
      problem: 'not-a-desk-story',
    });
    expect(await openDeskStory(crypto, opener, 'not base64 at all!')).toEqual({
      ok: false,
      problem: 'not-a-desk-story',
    });
    // and a desk story is no file of unsent stories for the relay
    const relay = await relayKeyPair(made.kid);
    expect((await openStories(crypto, relay.opener, Buffer.from(sealed, 'base64url'))).ok).toBe(false);
  });
});
