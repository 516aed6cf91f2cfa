// How the PIN's Argon2id is computed (issue 25): the Argon2 reference code (the PHC's C, with
// WebAssembly SIMD) as @phi-ag/argon2 builds it, one instance kept, so memory claimed once stays
// claimed — an unlock then pays for Argon2id's passes only. hash-wasm maps fresh memory for every
// hash, and touching 46 MiB for the first time cost more than the two passes themselves (Node on the
// development machine: 230 to 290 ms a hash against 60 ms once the memory is claimed; the same 32
// bytes). Where the reference build does not load (no WebAssembly SIMD, or no WebAssembly memory
// left), hash-wasm does the work. Where it runs — a worker or the page — is argon2.ts's concern.
import type { Argon2id } from '../vaultKdf.ts';

export type Argon2Job = { password: string; salt: Uint8Array<ArrayBuffer>; kdf: Argon2id };

/** The smallest Argon2id: run once to load and compile hash-wasm's WebAssembly (it refuses an empty password). */
const WARM_UP: Argon2Job = {
  password: 'warm-up',
  salt: new Uint8Array(8),
  kdf: { name: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
};

/** One Argon2id hash (32 bytes) by hash-wasm: fresh memory each time; also what Node's tests and the desk page use. */
export async function argon2Hash({ password, salt, kdf }: Argon2Job): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded only when a PIN is set or typed, so the WASM never enters the first download.
  const { argon2id } = await import('hash-wasm');
  const hash = await argon2id({
    password,
    salt,
    memorySize: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(hash.buffer as ArrayBuffer, hash.byteOffset, hash.byteLength);
}

/** An Argon2id engine that keeps its memory: `claim` it ahead, then each `hash` reuses it. */
export type Argon2Engine = {
  hash(job: Argon2Job): Uint8Array<ArrayBuffer>;
  /** Takes `memoryKiB` of memory and writes every page of it, so the next hash of that size finds it ready. */
  claim(memoryKiB: number): void;
};

/** What the reference build exports (Emscripten: its own heap, malloc and free; `argon2_hash` from argon2.h). */
export type ReferenceExports = {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  argon2_hash(
    timeCost: number,
    memoryKiB: number,
    parallelism: number,
    password: number,
    passwordLength: number,
    salt: number,
    saltLength: number,
    hash: number,
    hashLength: number,
    encoded: number,
    encodedLength: number,
    type: number,
    version: number,
  ): number;
};

const ARGON2ID = 2;
const VERSION_13 = 0x13;
const HASH_BYTES = 32;
const CLAIM_SPARE_KIB = 64;
const utf8 = new TextEncoder();

/** The engine over one instance of the reference build. The password is UTF-8, as hash-wasm takes it. */
export function referenceEngine(wasm: ReferenceExports): Argon2Engine {
  const heap = () => new Uint8Array(wasm.memory.buffer); // a fresh view: the heap may have grown
  const take = (bytes: number): number => {
    const pointer = wasm.malloc(bytes);
    if (pointer === 0) throw new RangeError('Argon2id: no WebAssembly memory left');
    return pointer;
  };
  return {
    hash({ password, salt, kdf }) {
      const secret = utf8.encode(password);
      const taken: [pointer: number, bytes: number][] = [];
      const put = (bytes: number): number => {
        const pointer = take(Math.max(bytes, 1));
        taken.push([pointer, bytes]);
        return pointer;
      };
      try {
        const at = put(secret.length);
        const saltAt = put(salt.length);
        const out = put(HASH_BYTES);
        heap().set(secret, at);
        heap().set(salt, saltAt);
        const code = wasm.argon2_hash(
          kdf.iterations,
          kdf.memoryKiB,
          kdf.parallelism,
          at,
          secret.length,
          saltAt,
          salt.length,
          out,
          HASH_BYTES,
          0, // no encoded string: the raw hash only
          0,
          ARGON2ID,
          VERSION_13,
        );
        if (code !== 0) throw new Error(`Argon2id refused the job (code ${code})`);
        return heap().slice(out, out + HASH_BYTES);
      } finally {
        // The PIN and the hash leave the heap; the reference code wipes its own blocks.
        const view = heap();
        for (const [pointer, bytes] of taken) {
          view.fill(0, pointer, pointer + bytes);
          wasm.free(pointer);
        }
        secret.fill(0);
      }
    },
    claim(memoryKiB) {
      // A little over the blocks: the hash's own small buffers are taken from the same free space.
      const bytes = (memoryKiB + CLAIM_SPARE_KIB) * 1024;
      const pointer = take(bytes);
      heap().fill(0, pointer, pointer + bytes);
      wasm.free(pointer); // freed to the instance's own heap: the pages stay mapped for the hash
    },
  };
}

/** The reference build from its bytes, or null where it does not compile (no SIMD) or cannot start. */
export async function loadReferenceEngine(bytes: () => Promise<BufferSource>): Promise<Argon2Engine | null> {
  try {
    const { instance } = await WebAssembly.instantiate(await bytes());
    const exports = instance.exports as unknown as ReferenceExports & { _initialize(): void };
    exports._initialize(); // Emscripten's reactor start: its C runtime, before the first call
    return referenceEngine(exports);
  } catch {
    // no WebAssembly SIMD here, or no memory for another instance: the caller uses hash-wasm
    return null;
  }
}

/** Where a hash runs (a worker, or the page): the kept engine when it loads, hash-wasm otherwise. */
export type Argon2Hasher = {
  /** Loads the engine and claims the memory of a hash of `memoryKiB`. */
  prepare(memoryKiB: number): Promise<void>;
  hash(job: Argon2Job): Promise<Uint8Array<ArrayBuffer>>;
  /** Lets the engine and its memory go (the next use loads it again). */
  release(): void;
};

export function createHasher(load: () => Promise<Argon2Engine | null>): Argon2Hasher {
  let engine: Promise<Argon2Engine | null> | undefined;
  const loaded = () => {
    engine ??= load().catch(() => null); // the bytes did not load (offline, not precached): hash-wasm
    return engine;
  };
  return {
    async prepare(memoryKiB) {
      const kept = await loaded();
      if (kept) kept.claim(memoryKiB);
      else await argon2Hash(WARM_UP);
    },
    async hash(job) {
      const kept = await loaded();
      return kept ? kept.hash(job) : argon2Hash(job);
    },
    release() {
      engine = undefined;
    },
  };
}

/** hash-wasm alone: where the reference build is not offered (Node's tests). */
export const hashWasmOnly = (): Argon2Hasher => createHasher(async () => null);
