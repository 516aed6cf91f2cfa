// `npm run sandbox -- --port 8787`: the sandbox Care Opinion as a standalone server. Flags are in
// README.md; SIGINT or SIGTERM shuts it down cleanly.
import { parseArgs } from 'node:util';
import { FaultsSchema } from './faults.ts';
import { type SandboxServerOptions, startSandboxServer } from './server.ts';

const USAGE = `Usage: tsx tests/sandbox/cli.ts [--port 8787] [--host 127.0.0.1] [--key K] [--rate N]
  [--services N] [--seed N] [--data-dir DIR] [--faults JSON] [--verbose]`;

function toNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0) throw new Error(`--${flag} needs a number, got "${value}"`);
  return number;
}

function readOptions(argv: string[]): SandboxServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string' },
      rate: { type: 'string' },
      services: { type: 'string' },
      seed: { type: 'string' },
      'data-dir': { type: 'string' },
      faults: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    port: toNumber('port', values.port),
    host: values.host,
    key: values.key,
    rate: toNumber('rate', values.rate),
    services: toNumber('services', values.services),
    seed: toNumber('seed', values.seed),
    dataDir: values['data-dir'],
    faults: values.faults === undefined ? undefined : FaultsSchema.parse(JSON.parse(values.faults)),
    verbose: values.verbose,
  };
}

async function main(): Promise<void> {
  let options: SandboxServerOptions;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(USAGE);
    process.exit(2);
  }
  const server = await startSandboxServer(options);
  const key = options.key ?? process.env.SANDBOX_KEY ?? 'sandbox-key';
  console.log(`Sandbox Care Opinion at ${server.url} (key: ${key})`);
  console.log(`Controls and received stories at ${server.origin}/__sandbox/`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
