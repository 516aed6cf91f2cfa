// `npm start`: the real topology on one machine — the app (PORT, default 4173) → the organisation's
// relay (RELAY_PORT, default 8788, SQLite in .relay-data) → the sandbox Care Opinion (mounted in the
// app's server at /api/v2). It prints an enrolment link: open it to connect the app to the relay.
// DIRECT=1 instead points the app straight at the sandbox with its key (no relay).
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { CODE_LIFETIME_WORDS } from '../../relay/devices.ts';
import { startRelay } from '../../relay/server.ts';
import { startAppServer } from './appServer.ts';

const port = Number(process.env.PORT ?? 4173);
const relayPort = Number(process.env.RELAY_PORT ?? 8788);
const host = process.env.HOST ?? '127.0.0.1';
const direct = process.env.DIRECT === '1';
const shown = host === '127.0.0.1' ? 'localhost' : host;
const relayOrigin = `http://${shown}:${relayPort}`;
// API_ORIGIN=https://relay.example.org lets the app connect to another relay (the CSP names one API origin).
const apiOrigin = process.env.API_ORIGIN ?? (direct ? undefined : relayOrigin);
const server = await startAppServer({
  root: 'dist',
  port,
  host,
  sandbox: { dataDir: '.sandbox-data' },
  appConfig: direct,
  ...(apiOrigin ? { apiOrigin } : {}),
});
const appUrl = `http://${shown}:${server.port}/`;
console.log(`Story Collector is running at ${appUrl}`);
console.log(`Sandbox Care Opinion: ${appUrl}api/v2 (key: sandbox-key) · what arrived: ${appUrl}__sandbox/`);

let closeRelay = async () => {};
if (!direct) {
  const adminToken = process.env.RELAY_ADMIN_TOKEN ?? randomBytes(33).toString('base64url'); // 44 characters, well over the relay's 32
  mkdirSync('.relay-data', { recursive: true });
  const relay = await startRelay(
    {
      upstream: `http://127.0.0.1:${server.port}/api/v2`,
      upstreamKey: 'sandbox-key',
      adminToken,
      database: { kind: 'sqlite', path: '.relay-data/relay.db' },
      port: relayPort,
      host,
      upstreamRate: 5,
      appUrl,
      // The address the app's CSP allows (localhost), for the admin page's links and QR codes too.
      publicUrl: relayOrigin,
      organisation: 'Sandbox organisation',
      appOrigins: undefined,
    },
    {},
  );
  closeRelay = relay.close;
  const enrolment = await fetch(`${relay.url}/admin/api/enrolments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'This computer' }),
  });
  const { code } = (await enrolment.json()) as { code: string };
  console.log(`Relay: ${relayOrigin} · admin page ${relayOrigin}/admin/ (admin token: ${adminToken})`);
  console.log('');
  // One lifetime everywhere: the admin page, this line and the app's hint ("valid for an hour").
  console.log(
    `Open this link to connect the app to the relay (a one-time code, valid for ${CODE_LIFETIME_WORDS}):`,
  );
  console.log(`  ${appUrl}#enrol=${encodeURIComponent(relayOrigin)},${code}`);
  console.log(
    'Then Settings → "Connect". Stories go app → relay → sandbox; watch them arrive at the sandbox page above.',
  );
}
const stop = () => void Promise.all([server.close(), closeRelay()]).then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
