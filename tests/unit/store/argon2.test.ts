// The PIN's Argon2id (issue 25): the reference build kept with its memory claimed gives hash-wasm's
// very bytes; it runs in a worker, and on the page's own thread only when no worker can start or the
// worker fails — the same hash either way, counted by where it ran; once unlocked the worker goes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Argon2Port,
  type Argon2Request,
  argon2Answerer,
  createArgon2,
} from '../../../src/store/vault/argon2/argon2.ts';
import {
  type Argon2Engine,
  type Argon2Hasher,
  type Argon2Job,
  argon2Hash,
  createHasher,
  hashWasmOnly,
  loadReferenceEngine,
  type ReferenceExports,
  referenceEngine,
} from '../../../src/store/vault/argon2/argon2Engine.ts';
import { PIN_KDF } from '../../../src/store/vault/vaultKdf.ts';

const wasmBytes = () => readFile(createRequire(import.meta.url).resolve('@phi-ag/argon2/argon2.wasm'));

/** A fresh instance of the reference build, its exports seen as the engine sees them. */
async function referenceInstance(): Promise<ReferenceExports> {
  const { instance } = await WebAssembly.instantiate(await wasmBytes());
  const exports = instance.exports as unknown as ReferenceExports & { _initialize(): void };
  exports._initialize();
  return exports;
}

const job = (password: string, memoryKiB = 64): Argon2Job => ({
  password,
  salt: new Uint8Array(16).fill(7),
  kdf: { name: 'argon2id', memoryKiB, iterations: 1, parallelism: 1 },
});

describe('the reference build, kept', () => {
  let wasm: ReferenceExports;
  let engine: Argon2Engine;
  beforeAll(async () => {
    wasm = await referenceInstance();
    engine = referenceEngine(wasm);
  });

  it("gives hash-wasm's bytes for any password (UTF-8), salt and small cost", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
        fc.uint8Array({ minLength: 8, maxLength: 32 }),
        fc.integer({ min: 8, max: 256 }),
        fc.integer({ min: 1, max: 3 }),
        async (password, salt, memoryKiB, iterations) => {
          const one: Argon2Job = {
            password,
            salt: new Uint8Array(salt),
            kdf: { name: 'argon2id', memoryKiB, iterations, parallelism: 1 },
          };
          expect(Buffer.from(engine.hash(one)).toString('hex')).toBe(
            Buffer.from(await argon2Hash(one)).toString('hex'),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("at the PIN's cost, claimed ahead: the same bytes, and the hash needs no more memory than the claim took", async () => {
    const pin: Argon2Job = { password: '482916', salt: new Uint8Array(16).fill(3), kdf: PIN_KDF };
    const own = referenceEngine(await referenceInstance());
    const wasmOf = await referenceInstance();
    const claimed = referenceEngine(wasmOf);
    claimed.claim(PIN_KDF.memoryKiB);
    const afterClaim = wasmOf.memory.buffer.byteLength;
    expect(afterClaim).toBeGreaterThan(PIN_KDF.memoryKiB * 1024);
    const hash = claimed.hash(pin);
    expect(wasmOf.memory.buffer.byteLength).toBe(afterClaim);
    expect(hash).toEqual(await argon2Hash(pin));
    expect(own.hash(pin)).toEqual(hash);
  });

  it('leaves neither the PIN nor the hash in its heap', () => {
    const secret = 'pin-not-left-behind-907153';
    const hash = engine.hash(job(secret));
    const heap = Buffer.from(wasm.memory.buffer);
    expect(heap.indexOf(Buffer.from(secret))).toBe(-1);
    expect(heap.indexOf(Buffer.from(hash))).toBe(-1);
  });

  it('refuses a job the reference code refuses, with its code and nothing of the PIN', () => {
    const tooSmall: Argon2Job = { ...job('482916'), salt: new Uint8Array(4) }; // a salt under 8 bytes
    expect(() => engine.hash(tooSmall)).toThrow(/^Argon2id refused the job \(code -?\d+\)$/);
  });

  it('is null where the WebAssembly does not compile (no SIMD), and hash-wasm then does the work', async () => {
    expect(await loadReferenceEngine(async () => new Uint8Array([0, 97, 115, 109, 9, 9]))).toBeNull();
    const hasher = createHasher(() => loadReferenceEngine(async () => new Uint8Array(8)));
    expect(await hasher.hash(job('482916'))).toEqual(await argon2Hash(job('482916')));
  });

  it('loads from its bytes', async () => {
    const loaded = await loadReferenceEngine(wasmBytes);
    expect(loaded?.hash(job('482916'))).toEqual(await argon2Hash(job('482916')));
  });
});

/** A worker in this thread: answers through argon2Worker.ts's own function; `fail()` acts as a crash. */
function fakeWorker(hasher: Argon2Hasher = hashWasmOnly()) {
  const listeners: Record<string, ((event: unknown) => void)[]> = { message: [], error: [] };
  const seen: Argon2Request['kind'][] = [];
  const answer = argon2Answerer(hasher);
  let crashed = false;
  let terminated = 0;
  const port: Argon2Port = {
    addEventListener: ((type: string, listener: (event: unknown) => void) => {
      listeners[type]?.push(listener);
    }) as Argon2Port['addEventListener'],
    postMessage(request: Argon2Request) {
      seen.push(request.kind);
      if (crashed) return; // a dead worker answers nothing
      void answer(request).then((data) => {
        for (const l of listeners.message ?? []) l({ data });
      });
    },
    terminate() {
      terminated++;
      crashed = true;
    },
  };
  return {
    port,
    seen,
    terminated: () => terminated,
    fail() {
      crashed = true;
      for (const l of listeners.error ?? []) l(new Event('error'));
    },
  };
}

/** The page-thread hasher, counting its runs. */
function countedLocal() {
  const runs: string[] = [];
  const inner = hashWasmOnly();
  const local: Argon2Hasher = {
    prepare: async (memoryKiB) => {
      runs.push(`prepare ${memoryKiB}`);
      await inner.prepare(memoryKiB);
    },
    hash: (j) => {
      runs.push(j.password);
      return inner.hash(j);
    },
    release: () => runs.push('release'),
  };
  return { runs, local };
}

describe('Argon2id off the main thread', () => {
  it('loads and hashes in the worker, never on the page, with the same result', async () => {
    const worker = fakeWorker();
    const { runs, local } = countedLocal();
    let starts = 0;
    const argon2 = createArgon2(() => {
      starts++;
      return worker.port;
    }, local);
    await argon2.prepare(64);
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(await argon2.hash(job('582914'))).not.toEqual(await argon2Hash(job('482915')));
    expect(worker.seen).toEqual(['prepare', 'hash', 'hash']);
    expect(starts).toBe(1);
    expect(runs).toEqual([]);
  });

  it('runs on the page when a worker cannot start (no Worker, or refused), without trying again', async () => {
    const { runs, local } = countedLocal();
    let starts = 0;
    const argon2 = createArgon2(() => {
      starts++;
      throw new ReferenceError('Worker is not defined');
    }, local);
    await argon2.prepare(64);
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(await argon2.hash(job('582914'))).toEqual(await argon2Hash(job('582914')));
    expect(runs).toEqual(['prepare 64', '482915', '582914']); // the claim, then each PIN
    expect(starts).toBe(1);
  });

  it('finishes a hash on the page when the worker fails while it runs, and stays there', async () => {
    const worker = fakeWorker();
    const { runs, local } = countedLocal();
    const argon2 = createArgon2(() => worker.port, local);
    await argon2.prepare(64);
    worker.fail();
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(runs).toEqual(['482915']);
    expect(worker.seen).toEqual(['prepare']);
  });

  it('does not wait for ever on a request the worker drops: its error settles it', async () => {
    const worker = fakeWorker();
    const { runs, local } = countedLocal();
    const argon2 = createArgon2(() => worker.port, local);
    const port = worker.port;
    const posted: Argon2Request[] = [];
    // A worker that takes the request and then dies before answering.
    port.postMessage = ((request: Argon2Request) => {
      posted.push(request);
      queueMicrotask(() => worker.fail());
    }) as Argon2Port['postMessage'];
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(posted.map((r) => r.kind)).toEqual(['hash']);
    expect(runs).toEqual(['482915']);
  });

  it('lets the worker go once unlocked, and the next lock starts another', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const { runs, local } = countedLocal();
    let starts = 0;
    const argon2 = createArgon2(() => workers[starts++]!.port, local);
    await argon2.prepare(64);
    await argon2.hash(job('482915'));
    argon2.release();
    expect(workers[0]!.terminated()).toBe(1);
    await argon2.prepare(64); // locked again
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(starts).toBe(2);
    expect(workers[1]!.seen).toEqual(['prepare', 'hash']);
    expect(runs).toEqual(['release']); // the page's engine let go too; it never hashed
  });

  it('prepares once until let go: asked again (start done, then a key pressed), nothing more is done', async () => {
    const worker = fakeWorker();
    const argon2 = createArgon2(() => worker.port, countedLocal().local);
    await Promise.all([argon2.prepare(64), argon2.prepare(64)]);
    await argon2.prepare(64);
    expect(worker.seen).toEqual(['prepare']);
    argon2.release();
    expect(worker.terminated()).toBe(1);
  });

  it('keeps the worker while a hash is running in it (a PIN change after the unlock)', async () => {
    const worker = fakeWorker();
    const { local } = countedLocal();
    const argon2 = createArgon2(() => worker.port, local);
    const running = argon2.hash(job('482915'));
    argon2.release();
    expect(worker.terminated()).toBe(0);
    expect(await running).toEqual(await argon2Hash(job('482915')));
  });
});
