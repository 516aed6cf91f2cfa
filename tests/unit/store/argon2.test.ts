// The PIN's Argon2id in a worker (issue 25), and on the page's own thread only when no worker can
// start or the worker fails: the same hash either way, counted by where it ran.
import { describe, expect, it } from 'vitest';
import {
  type Argon2Job,
  type Argon2Port,
  type Argon2Request,
  answerArgon2,
  argon2Hash,
  createArgon2,
} from '../../../src/store/vault/argon2.ts';

const job = (password: string): Argon2Job => ({
  password,
  salt: new Uint8Array(16).fill(7),
  kdf: { name: 'argon2id', memoryKiB: 64, iterations: 1, parallelism: 1 },
});

/** A worker in this thread: answers through argon2Worker.ts's own function; `fail()` acts as a crash. */
function fakeWorker() {
  const listeners: Record<string, ((event: unknown) => void)[]> = { message: [], error: [] };
  const seen: Argon2Request['kind'][] = [];
  let crashed = false;
  const port: Argon2Port = {
    addEventListener: ((type: string, listener: (event: unknown) => void) => {
      listeners[type]?.push(listener);
    }) as Argon2Port['addEventListener'],
    postMessage(request: Argon2Request) {
      seen.push(request.kind);
      if (crashed) return; // a dead worker answers nothing
      void answerArgon2(request).then((data) => {
        for (const l of listeners.message ?? []) l({ data });
      });
    },
  };
  return {
    port,
    seen,
    fail() {
      crashed = true;
      for (const l of listeners.error ?? []) l(new Event('error'));
    },
  };
}

/** The page-thread function, counting its runs. */
function countedLocal() {
  const runs: string[] = [];
  return {
    runs,
    local: (j: Argon2Job) => {
      runs.push(j.password);
      return argon2Hash(j);
    },
  };
}

describe('Argon2id off the main thread', () => {
  it('compiles and hashes in the worker, never on the page, with the same result', async () => {
    const worker = fakeWorker();
    const { runs, local } = countedLocal();
    let starts = 0;
    const argon2 = createArgon2(() => {
      starts++;
      return worker.port;
    }, local);
    await argon2.prepare();
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
    await argon2.prepare();
    expect(await argon2.hash(job('482915'))).toEqual(await argon2Hash(job('482915')));
    expect(await argon2.hash(job('582914'))).toEqual(await argon2Hash(job('582914')));
    expect(runs).toEqual(['warm-up', '482915', '582914']); // the warm-up, then each PIN
    expect(starts).toBe(1);
  });

  it('finishes a hash on the page when the worker fails while it runs, and stays there', async () => {
    const worker = fakeWorker();
    const { runs, local } = countedLocal();
    const argon2 = createArgon2(() => worker.port, local);
    await argon2.prepare();
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
});
