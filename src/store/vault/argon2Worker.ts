// The Argon2id worker's entry (a module worker, built and precached as its own file): answers the
// page's requests (argon2.ts), the hash's buffer handed over rather than copied.
import { type Argon2Answer, type Argon2Request, answerArgon2 } from './argon2.ts';

// A worker's global scope, without the WebWorker library (this file is checked with the page's).
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<Argon2Request>) => void) | null;
  postMessage(message: Argon2Answer, transfer: Transferable[]): void;
};

scope.onmessage = ({ data: request }) => {
  void answerArgon2(request).then((answer) =>
    scope.postMessage(answer, answer.ok && answer.hash ? [answer.hash.buffer] : []),
  );
};
