// A throwaway Postgres for the relay's tests and benchmark: Debian's server binaries (installed
// by apt when running as root, else a stop with the command), a cluster in a temporary directory
// on a free port, run as the `postgres` user when we are root (Postgres refuses to run as root).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDebianTool, isRoot } from './debian.ts';

export const POSTGRES_BIN_ENV = 'POSTGRES_BIN';
const INSTALL = 'apt-get update && apt-get install -y postgresql';
const ROOT = '/usr/lib/postgresql';

export function findPostgres(): string | null {
  const fromEnv = process.env[POSTGRES_BIN_ENV];
  if (fromEnv) return existsSync(join(fromEnv, 'initdb')) ? fromEnv : null;
  if (!existsSync(ROOT)) return null;
  const versions = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  const chosen = versions.includes('15') ? '15' : versions[0];
  return chosen ? join(ROOT, chosen, 'bin') : null;
}

export function ensurePostgres(): string {
  return ensureDebianTool({
    what: 'Postgres server (initdb) for the relay tests',
    install: INSTALL,
    find: findPostgres,
    hint: `or set ${POSTGRES_BIN_ENV} to the directory holding initdb and postgres.`,
  });
}

export type PostgresServer = {
  /** A new, empty database on this server: its postgres:// URL. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** As the postgres user when root; as ourselves otherwise. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

async function waitUntilReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`postgres exited (${code}) before accepting:\n${log()}`))),
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: url });
    const ok = await Promise.race([
      client.connect().then(
        () => true,
        () => false,
      ),
      exited,
    ]);
    await client.end().catch(() => {});
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100)); // poll until the server accepts
  }
  throw new Error(`postgres did not accept connections within 30 s:\n${log()}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = ensurePostgres();
  const dir = mkdtempSync(join(tmpdir(), 'relay-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initdb, initArgs] = asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-sync',
    '--encoding=UTF8',
    '--locale=C',
  ]);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const settings = [
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ];
  const [postgres, args] = asPostgres(join(bin, 'postgres'), [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-h',
    '127.0.0.1',
    ...settings,
  ]);
  const server = spawn(postgres, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const base = `postgres://postgres@127.0.0.1:${port}`;
  await waitUntilReady(`${base}/postgres`, server, () => stderr);
  return {
    async createDatabase() {
      const name = `relay_${randomBytes(6).toString('hex')}`;
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return `${base}/${name}`;
    },
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        // Signal the postmaster itself (runuser does not pass signals on): SIGINT is a fast shutdown.
        const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGINT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
