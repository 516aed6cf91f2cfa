// The sandbox Care Opinion for the relay benchmark, in a process of its own (so the simulated
// iPads do not slow it down), noting when each story post arrives; GET /__bench/arrivals lists
// those times. Started by upstream.ts with its options as JSON in argv; prints its origin.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandbox } from '../../sandbox/sandbox.ts';

const sandbox = createSandbox(JSON.parse(process.argv[2] ?? '{}'));
const arrivals: number[] = [];
const server = createServer((req, res) => {
  if (req.url === '/__bench/arrivals') {
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(arrivals));
    return;
  }
  if (req.method === 'POST' && req.url?.startsWith('/api/v2/opinions')) arrivals.push(performance.now());
  if (!sandbox.handle(req, res)) res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.once('SIGTERM', () => {
  void sandbox.close().then(() => process.exit(0));
});
