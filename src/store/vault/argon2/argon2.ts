// The PIN's Argon2id off the page's main thread: a module worker (argon2Worker.ts) loads the engine
// (argon2Engine.ts) as the Lock screen shows, claims the memory the PIN's hash will use, and derives
// each key, so the screen stays responsive while a PIN is checked. Where a worker cannot start (or
// dies), the same engine runs on this thread.
import type { Argon2Hasher, Argon2Job } from './argon2Engine.ts';
import { hashWasmOnly } from './argon2Engine.ts';

type Ask = { kind: 'prepare'; memoryKiB: number } | { kind: 'hash'; job: Argon2Job };
export type Argon2Request = Ask & { id: number };
export type Argon2Answer =
  | { id: number; ok: true; hash?: Uint8Array<ArrayBuffer> }
  | { id: number; ok: false };
/** What the runner needs of a Worker (tests pass their own). */
export type Argon2Port = Pick<Worker, 'postMessage' | 'addEventListener'> &
  Partial<Pick<Worker, 'terminate'>>;

/** The worker's answers (argon2Worker.ts posts each back, the hash's buffer transferred). */
export function argon2Answerer(hasher: Argon2Hasher): (request: Argon2Request) => Promise<Argon2Answer> {
  return async (request) => {
    try {
      if (request.kind === 'prepare') {
        await hasher.prepare(request.memoryKiB);
        return { id: request.id, ok: true };
      }
      return { id: request.id, ok: true, hash: await hasher.hash(request.job) };
    } catch {
      // out of memory in this worker: the page runs it itself
      return { id: request.id, ok: false };
    }
  };
}

export type Argon2Runner = {
  /** Starts the worker, loads the engine in it and claims a hash's memory (call as the Lock screen shows). */
  prepare(memoryKiB: number): Promise<void>;
  hash(job: Argon2Job): Promise<Uint8Array<ArrayBuffer>>;
  /** Once unlocked: ends the worker (its memory with it) unless a hash is running; `prepare` starts another. */
  release(): void;
};

/**
 * `start` makes the worker, on first use; if it throws, or the worker reports an error (a module
 * worker this browser cannot load, a crash), every request open and later runs on this thread
 * through `local` instead.
 */
export function createArgon2(start: () => Argon2Port, local: Argon2Hasher = hashWasmOnly()): Argon2Runner {
  let port: Argon2Port | null | undefined;
  const open = new Map<number, (answer: Argon2Answer | null) => void>();
  let next = 0;

  const connect = (): Argon2Port | null => {
    if (port !== undefined) return port;
    let started: Argon2Port;
    try {
      started = start();
    } catch {
      // no Worker here, or the page may not start one: this thread does the work
      port = null;
      return null;
    }
    port = started;
    started.addEventListener('message', (event) => {
      const answer = (event as MessageEvent<Argon2Answer>).data;
      open.get(answer.id)?.(answer);
      open.delete(answer.id);
    });
    started.addEventListener('error', () => {
      if (port !== started) return; // a worker already let go
      port = null;
      for (const settle of open.values()) settle(null);
      open.clear();
    });
    return started;
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

  let prepared: Promise<void> | undefined; // once until released: asked again, it is already under way
  return {
    prepare(memoryKiB) {
      prepared ??= (async () => {
        const answer = await ask({ kind: 'prepare', memoryKiB });
        if (!answer?.ok) await local.prepare(memoryKiB);
      })();
      return prepared;
    },
    async hash(job) {
      const answer = await ask({ kind: 'hash', job });
      if (answer?.ok && answer.hash) return answer.hash;
      return local.hash(job);
    },
    release() {
      prepared = undefined;
      local.release();
      if (!port || open.size > 0) return; // no worker, or one still answering
      port.terminate?.();
      port = undefined;
    },
  };
}
