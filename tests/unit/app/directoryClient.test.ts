// The page's side of the directory worker: answers matched to requests by id, in any order, and a
// worker that fails answers every open and later request with 'failed'.
import { describe, expect, it } from 'vitest';
import { connectWorker } from '../../../src/app/directory/directoryClient.ts';
import type { WorkerAnswer, WorkerRequest } from '../../../src/app/directory/directoryProtocol.ts';

function fakePort() {
  const target = new EventTarget();
  const sent: WorkerRequest[] = [];
  const port = {
    postMessage: (message: WorkerRequest) => sent.push(message),
    addEventListener: target.addEventListener.bind(target),
  } as unknown as Pick<Worker, 'postMessage' | 'addEventListener'>;
  const answer = (data: WorkerAnswer) => target.dispatchEvent(new MessageEvent('message', { data }));
  const fail = () => target.dispatchEvent(new Event('error'));
  return { port, sent, answer, fail };
}

describe('connectWorker', () => {
  it('resolves each request with the answer of its own id, whatever the order', async () => {
    const { port, sent, answer } = fakePort();
    const worker = connectWorker(() => port);
    const load = worker.request({ kind: 'load' });
    const search = worker.request({ kind: 'search', query: 'therese' });
    expect(sent.map((m) => m.kind)).toEqual(['load', 'search']);
    const [first, second] = sent;
    answer({ id: second?.id ?? -1, kind: 'results', results: [] });
    answer({ id: first?.id ?? -1, kind: 'loaded', count: 3 });
    expect(await load).toEqual({ id: first?.id, kind: 'loaded', count: 3 });
    expect(await search).toEqual({ id: second?.id, kind: 'results', results: [] });
  });

  it("answers 'failed' to open and later requests once the worker fails", async () => {
    const { port, sent, fail } = fakePort();
    const worker = connectWorker(() => port);
    const open = worker.request({ kind: 'load' });
    fail();
    expect((await open).kind).toBe('failed');
    expect((await worker.request({ kind: 'chosen', nacs: 'X' })).kind).toBe('failed');
    expect(sent).toHaveLength(1);
  });
});
