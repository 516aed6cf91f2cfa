// The Argon2id worker's entry (a module worker, built and precached as its own file): answers the
// page's requests (argon2.ts) with one engine kept for the worker's life, the hash's buffer handed
// over rather than copied.
import { type Argon2Answer, type Argon2Request, argon2Answerer } from './argon2.ts';
import { createHasher, loadReferenceEngine } from './argon2Engine.ts';
import { referenceWasm } from './argon2Wasm.ts';

// A worker's global scope, without the WebWorker library (this file is checked with the page's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Argon2Request>) => void) | null;
  postMessage(message: Argon2Answer, transfer: Transferable[]): void;
};

const answer = argon2Answerer(createHasher(() => loadReferenceEngine(referenceWasm)));

scope.onmessage = ({ data: request }) => {
  void answer(request).then((reply) =>
    scope.postMessage(reply, reply.ok && reply.hash ? [reply.hash.buffer] : []),
  );
};
