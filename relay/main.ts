// `npm run relay` (and the release's `npm start`): reads the configuration from the environment
// (README.md), starts the relay and shuts it down gracefully on SIGTERM or SIGINT. It refuses to
// start with one line naming the cause: exit 2 for a missing or invalid variable, 3 when the
// database cannot be opened or migrated, 4 when a port cannot be opened.
import { ConfigError, loadConfig, type RelayConfig } from './config.ts';
import { DatabaseError, databaseName } from './db/database.ts';
import { errorFields } from './http.ts';
import { createLog } from './log.ts';
import { ListenError, type RunningRelay, startRelay } from './server.ts';

function refuse(code: number, message: string): never {
  console.error(`relay: ${message}`);
  process.exit(code);
}

function configure(): RelayConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return refuse(2, error.message);
  }
}

const config = configure();

const log = createLog();
let relay: RunningRelay;
try {
  relay = await startRelay(config, { log });
} catch (error) {
  if (error instanceof ConfigError) refuse(2, error.message); // the fingerprint secret's file
  if (error instanceof DatabaseError) refuse(3, error.message);
  if (error instanceof ListenError) refuse(4, error.message);
  log.fatal(errorFields(error), 'relay did not start');
  process.exit(1);
}
log.info(
  {
    url: relay.url,
    adminUrl: relay.adminUrl,
    publicUrl: relay.services.publicUrl(),
    database: databaseName(config.database),
    servesApp: config.appDir !== undefined,
  },
  'relay listening',
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'relay stopping: finishing requests in flight');
  relay.close().then(
    () => {
      log.info('relay stopped');
      process.exit(0);
    },
    (error: unknown) => {
      log.error(errorFields(error), 'relay did not stop cleanly');
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
