// The page's side of the directory worker: sends a request, resolves with the answer of the same
// id. A worker that fails to start or dies answers every request still open, and later ones, with
// 'failed' (the picker then finds nothing rather than waiting for ever).
import type { WorkerAnswer, WorkerRequest } from './directoryProtocol.ts';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
type Port = Pick<Worker, 'postMessage' | 'addEventListener'>;

export function connectWorker(start: () => Port) {
  const open = new Map<number, (answer: WorkerAnswer) => void>();
  let next = 0;
  let broken = false;
  const port = start();
  port.addEventListener('message', (event) => {
    const answer = (event as MessageEvent<WorkerAnswer>).data;
    open.get(answer.id)?.(answer);
    open.delete(answer.id);
  });
  port.addEventListener('error', () => {
    broken = true;
    for (const [id, settle] of open) settle({ id, kind: 'failed' });
    open.clear();
  });
  return {
    request(request: Request): Promise<WorkerAnswer> {
      const id = ++next;
      if (broken) return Promise.resolve({ id, kind: 'failed' });
      return new Promise((resolve) => {
        open.set(id, resolve);
        port.postMessage({ ...request, id });
      });
    },
  };
}
