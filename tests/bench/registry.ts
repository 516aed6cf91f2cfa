// Every benchmark `npm run bench` knows, in the order a full run takes them. To add one (stories,
// send queue, crypto…), write a module exporting a Bench ({ name, summary, run(ctx) }) and list it.
import { cryptoBench } from './crypto.bench.ts';
import { directoryBench } from './directory.bench.ts';
import { lighthouseBench } from './lighthouse.bench.ts';
import { offlineBench } from './offline.bench.ts';
import { queueBench } from './queue.bench.ts';
import { queueModelBench } from './queueModel.bench.ts';
import { relayBench } from './relay.bench.ts';
import { sandboxBench } from './sandbox.bench.ts';
import { searchNodeBench } from './searchNode.bench.ts';
import { startupBench } from './startup.bench.ts';
import { storiesBench } from './stories.bench.ts';
import type { Bench } from './types.ts';

export const BENCHES: readonly Bench[] = [
  startupBench,
  searchNodeBench,
  sandboxBench,
  directoryBench,
  storiesBench,
  queueBench,
  offlineBench,
  queueModelBench,
  cryptoBench,
  relayBench,
  lighthouseBench,
];
