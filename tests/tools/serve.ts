// `npm start`: serve the production build with the sandbox Care Opinion, on PORT (default 4173).
import { startAppServer } from './appServer.ts';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
// API_ORIGIN=https://relay.example.org also lets the app connect there (the CSP names one API origin).
const apiOrigin = process.env.API_ORIGIN;
const server = await startAppServer({
  root: 'dist',
  port,
  host,
  sandbox: { dataDir: '.sandbox-data' },
  ...(apiOrigin ? { apiOrigin } : {}),
});
const shown = host === '127.0.0.1' ? 'localhost' : host;
console.log(`Story Collector is running at http://${shown}:${server.port}/`);
console.log(`Sandbox Care Opinion: http://${shown}:${server.port}/api/v2 (key: sandbox-key)`);
console.log(`What arrived: http://${shown}:${server.port}/__sandbox/`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
