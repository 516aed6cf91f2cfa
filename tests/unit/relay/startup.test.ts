// The relay refuses to start, with one line naming the cause and an exit code a unit file or an
// operator can tell apart (relay/main.ts): 2 a setting, 3 the database, 4 a port. Each case runs
// the process (`npm run relay`'s command) and reads its exit code and message.
import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY } from '../sandbox/helpers.ts';
import { ADMIN, HASH_SECRET } from './harness.ts';

const BASE = {
  CARE_OPINION_API: 'http://127.0.0.1:9/api/v2',
  CARE_OPINION_KEY: KEY,
  RELAY_ADMIN_TOKEN: ADMIN,
  RELAY_PORT: '0',
  RELAY_SERVE_APP: '0',
};

type Outcome = { code: number | null; stderr: string; stdout: string };

/** Runs the relay until it exits, or until it says it is listening (then stops it). */
function run(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
    env: { PATH: process.env.PATH, ...BASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('"relay listening"')) child.kill('SIGTERM');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr, stdout })));
}

const tempDir = () => mkdtempSync(join(tmpdir(), 'relay-start-'));

describe('the relay refuses to start, naming the cause', () => {
  let taken: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (taken ? taken.close(resolve) : resolve(undefined)));
    taken = undefined;
  });

  it('exits 3 when the SQLite file cannot be created', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), '');
    const outcome = await run({ RELAY_DATABASE: `sqlite:${dir}/a-file/relay.db` });
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(
      new RegExp(
        `^relay: The database sqlite:${dir}/a-file/relay.db could not be opened: .*(EEXIST|ENOTDIR)`,
      ),
    );
  });

  it('exits 3 when Postgres cannot be reached, naming it without its password', async () => {
    const outcome = await run({
      RELAY_DATABASE: 'postgres://relay:s3cret@127.0.0.1:1/relay',
      RELAY_HASH_SECRET: HASH_SECRET,
    });
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toContain(
      'relay: The database postgres://relay@127.0.0.1:1/relay could not be opened or migrated',
    );
    expect(outcome.stderr).toContain('ECONNREFUSED');
    expect(outcome.stderr).not.toContain('s3cret');
  });

  it('exits 3 when the database was migrated by a newer release (a rollback without a restore)', async () => {
    const path = join(tempDir(), 'relay.db');
    const database = new SQLite(path);
    database.exec(
      'CREATE TABLE kysely_migration (name varchar(255) primary key, timestamp varchar(255) not null)',
    );
    database
      .prepare('INSERT INTO kysely_migration VALUES (?, ?)')
      .run('2099-01-01-future', new Date().toISOString());
    database.close();
    const outcome = await run({ RELAY_DATABASE: `sqlite:${path}` });
    expect(outcome.code).toBe(3);
    expect(outcome.stderr).toMatch(/could not be opened or migrated: .*2099-01-01-future/);
  });

  it('exits 4 when its port is taken', async () => {
    const server = createServer();
    taken = server;
    const port = await new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
    );
    const outcome = await run({
      RELAY_DATABASE: `sqlite:${join(tempDir(), 'relay.db')}`,
      RELAY_PORT: String(port),
    });
    expect(outcome.code).toBe(4);
    expect(outcome.stderr.trim()).toBe(`relay: RELAY_PORT 127.0.0.1:${port} is already in use`);
  });

  it('exits 2 when RELAY_ADMIN_TOKEN is shorter than 32 characters, naming it', async () => {
    for (const token of ['change-me', 'x', 'a'.repeat(31)]) {
      const outcome = await run({ RELAY_ADMIN_TOKEN: token });
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(/^relay: RELAY_ADMIN_TOKEN is too short: at least 32 characters/);
    }
  });

  it('exits 2 when CARE_OPINION_API is plain http:// to anywhere but this machine, naming it', async () => {
    for (const api of [
      'http://www.careopinion.org.uk/api/v2',
      'http://10.0.0.5:8787/api/v2',
      'http://[2001:db8::1]/api/v2',
    ]) {
      const outcome = await run({ CARE_OPINION_API: api, RELAY_DATABASE: `sqlite:${tempDir()}/relay.db` });
      expect(outcome.code, api).toBe(2);
      expect(outcome.stderr).toMatch(/^relay: CARE_OPINION_API must be https:\/\//);
    }
    for (const api of ['http://localhost:9/api/v2', 'http://127.0.0.2:9/api/v2', 'http://[::1]:9/api/v2']) {
      const started = await run({ CARE_OPINION_API: api, RELAY_DATABASE: `sqlite:${tempDir()}/relay.db` });
      expect(started.stdout, api).toContain('"relay listening"');
    }
  });

  it('exits 2 for an invalid setting, and creates its SQLite folder and file for its user only', async () => {
    expect(await run({ RELAY_TRUST_PROXY: 'the-proxy' })).toMatchObject({
      code: 2,
      stderr: 'relay: RELAY_TRUST_PROXY is not valid: "the-proxy" is not an address or range\n',
    });
    const dir = join(tempDir(), 'state');
    const started = await run({ RELAY_DATABASE: `sqlite:${dir}/relay.db` });
    expect(started.stdout).toContain('"relay listening"');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'relay.db')).mode & 0o777).toBe(0o600);
  });
});
