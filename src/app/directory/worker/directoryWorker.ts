// The directory worker's entry (a module worker, built and precached as its own file): one
// searcher over its own connection to the database, answering the page's messages in order.
import { createDb } from '../../../store/db.ts';
import type { WorkerAnswer, WorkerRequest } from '../directoryProtocol.ts';
import { createDirectorySearcher } from './directorySearcher.ts';

const searcher = createDirectorySearcher(createDb());

self.onmessage = ({ data: request }: MessageEvent<WorkerRequest>) => {
  const answer = (work: Promise<WorkerAnswer>) =>
    void work
      .catch((): WorkerAnswer => ({ id: request.id, kind: 'failed' })) // answered: the page says so
      .then((a) => self.postMessage(a));
  if (request.kind === 'load') {
    answer(searcher.load().then((count) => ({ id: request.id, kind: 'loaded', count })));
  } else if (request.kind === 'use') {
    answer(searcher.use(request.index).then((count) => ({ id: request.id, kind: 'loaded', count })));
  } else if (request.kind === 'search') {
    answer(
      searcher
        .search(request.query, request.type)
        .then((results) => ({ id: request.id, kind: 'results', results })),
    );
  } else {
    answer(searcher.chosen(request.nacs).then(() => ({ id: request.id, kind: 'done' })));
  }
};
