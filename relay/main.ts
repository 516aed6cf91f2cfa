// `npm run relay`: reads the configuration from the environment (README.md), starts the relay and
// shuts it down gracefully on SIGTERM or SIGINT. A missing or invalid variable exits with 2.
import { ConfigError, loadConfig, type RelayConfig } from './config.ts';
import { createLog } from './log.ts';
import { startRelay } from './server.ts';

let config: RelayConfig;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`relay: ${error.message}`);
  process.exit(2);
}

const log = createLog();
const relay = await startRelay(config, { log });
log.info({ url: relay.url, database: config.database.kind }, 'relay listening');

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
    (error: Error) => {
      log.error({ error: error.name }, 'relay did not stop cleanly');
      process.exit(1);
    },
  );
};
process.once('SIGTERM', () => stop('SIGTERM'));
process.once('SIGINT', () => stop('SIGINT'));
