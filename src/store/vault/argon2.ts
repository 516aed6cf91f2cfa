// The PIN's Argon2id off the page's main thread: a module worker (argon2Worker.ts) compiles the
// WebAssembly as the Lock screen shows and derives each key, so the screen stays responsive while a
// PIN is checked. Where a worker cannot start (or dies), the same function runs on this thread.
import type { Argon2id } from './vaultKdf.ts';

export type Argon2Job = { password: string; salt: Uint8Array<ArrayBuffer>; kdf: Argon2id };
type Ask = { kind: 'prepare' } | { kind: 'hash'; job: Argon2Job };
export type Argon2Request = Ask & { id: number };
export type Argon2Answer =
  | { id: number; ok: true; hash?: Uint8Array<ArrayBuffer> }
  | { id: number; ok: false };
/** What the runner needs of a Worker (tests pass their own). */
export type Argon2Port = Pick<Worker, 'postMessage' | 'addEventListener'>;

/** The smallest Argon2id: run once to load and compile the WebAssembly (hash-wasm refuses an empty password). */
const WARM_UP: Argon2Job = {
  password: 'warm-up',
  salt: new Uint8Array(8),
  kdf: { name: 'argon2id', memoryKiB: 8, iterations: 1, parallelism: 1 },
};

/** One Argon2id hash (32 bytes) where this code runs: the worker, or the page as the fallback. */
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

/** The worker's answer to one request (argon2Worker.ts posts it back, the hash's buffer transferred). */
export async function answerArgon2(request: Argon2Request): Promise<Argon2Answer> {
  try {
    if (request.kind === 'prepare') {
      await argon2Hash(WARM_UP);
      return { id: request.id, ok: true };
    }
    return { id: request.id, ok: true, hash: await argon2Hash(request.job) };
  } catch {
    // hash-wasm refused (out of memory in this worker): the page runs it itself
    return { id: request.id, ok: false };
  }
}

export type Argon2Runner = {
  /** Starts the worker and compiles the WebAssembly in it (call as the Lock screen shows). */
  prepare(): Promise<void>;
  hash(job: Argon2Job): Promise<Uint8Array<ArrayBuffer>>;
};

/**
 * `start` makes the worker, on first use; if it throws, or the worker reports an error (a module
 * worker this browser cannot load, a crash), every request open and later runs on this thread
 * through `local` instead.
 */
export function createArgon2(
  start: () => Argon2Port,
  local: (job: Argon2Job) => Promise<Uint8Array<ArrayBuffer>> = argon2Hash,
): Argon2Runner {
  let port: Argon2Port | null | undefined;
  const open = new Map<number, (answer: Argon2Answer | null) => void>();
  let next = 0;

  const connect = (): Argon2Port | null => {
    if (port !== undefined) return port;
    try {
      port = start();
    } catch {
      // no Worker here, or the page may not start one: this thread does the work
      port = null;
      return null;
    }
    port.addEventListener('message', (event) => {
      const answer = (event as MessageEvent<Argon2Answer>).data;
      open.get(answer.id)?.(answer);
      open.delete(answer.id);
    });
    port.addEventListener('error', () => {
      port = null;
      for (const settle of open.values()) settle(null);
      open.clear();
    });
    return port;
  };

  /** The worker's answer, or null when there is no worker (any more). */
  const ask = (request: Ask): Promise<Argon2Answer | null> => {
    const worker = connect();
    if (!worker) return Promise.resolve(null);
    const id = ++next;
    return new Promise((resolve) => {
      open.set(id, resolve);
      worker.postMessage({ ...request, id });
    });
  };

  return {
    async prepare() {
      const answer = await ask({ kind: 'prepare' });
      if (!answer?.ok) await local(WARM_UP);
    },
    async hash(job) {
      const answer = await ask({ kind: 'hash', job });
      if (answer?.ok && answer.hash) return answer.hash;
      return local(job);
    },
  };
}
