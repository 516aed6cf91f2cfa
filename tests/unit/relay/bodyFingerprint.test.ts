// Issue 22, row 7: no confirmable stories at rest. The relay's fingerprint of a story's body is an
// HMAC under a secret kept outside the database (RELAY_HASH_SECRET, or a 0600 file made beside
// its state at first start), so a stolen database cannot confirm a guessed story offline; replays
// and reused keys are still told apart, and rows from before are re-keyed at start.
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyHash } from '../../../relay/bodyHash.ts';
import type { DatabaseUrl, RelayConfig } from '../../../relay/config.ts';
import { HASH_SECRET_FILE } from '../../../relay/secrets.ts';
import { KEY } from '../sandbox/helpers.ts';
import { KINDS, useDatabases } from './databases.ts';
import {
  ADMIN,
  enrol,
  postStory,
  type Relay,
  startTestRelay,
  startWorld,
  validStory,
  type World,
} from './harness.ts';

const databases = useDatabases();
const tempDir = () => mkdtempSync(join(tmpdir(), 'relay-state-'));

/** Every way the story could be hashed without a key: none may be in the table. */
function unkeyedHashes(story: unknown): string[] {
  const canonical = bodyHash(story);
  const raw = createHash('sha256').update(JSON.stringify(story)).digest();
  return [
    canonical,
    Buffer.from(canonical, 'hex').toString('base64'),
    raw.toString('hex'),
    raw.toString('base64'),
  ];
}

async function idempotencyRows(relay: Relay): Promise<Record<string, unknown>[]> {
  return relay.services.store.db.selectFrom('idempotency').selectAll().execute();
}

/** Every row of every table (the relay's and the migrator's), as a stolen database would hold them. */
async function wholeDatabase(relay: Relay): Promise<string> {
  const { db } = relay.services.store;
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  const rows = await Promise.all(
    tables.map(async ({ name }) => (await sql`select * from ${sql.table(name)}`.execute(db)).rows),
  );
  return JSON.stringify(rows);
}

/** The database's files on disk (SQLite: the file and its write-ahead log), as a backup copies them. */
function databaseFiles(database: DatabaseUrl): Buffer[] {
  if (database.kind !== 'sqlite') return [];
  return [database.path, `${database.path}-wal`].filter(existsSync).map((file) => readFileSync(file));
}

describe.each(KINDS)('body fingerprints on %s', (kind) => {
  let world: World | undefined;
  const relays: Relay[] = [];
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.close()));
    await world?.close();
    world = undefined;
  });

  /** A relay whose secret is a file: beside the SQLite file, or in a state folder on Postgres. */
  async function setUp(): Promise<{
    database: DatabaseUrl;
    config: Partial<RelayConfig>;
    secretFile: string;
  }> {
    const database = await databases.url(kind);
    const stateDir = database.kind === 'sqlite' ? dirname(database.path) : tempDir();
    const config = database.kind === 'sqlite' ? {} : { hashSecret: undefined, stateDir };
    world = await startWorld(database, { config });
    return { database, config, secretFile: join(stateDir, HASH_SECRET_FILE) };
  }

  async function restart(database: DatabaseUrl, config: Partial<RelayConfig>): Promise<Relay> {
    await world?.relay.close();
    const relay = await startTestRelay((world as World).sandbox.url, database, config);
    relays.push(relay);
    return relay;
  }

  it('keeps no unkeyed hash of a story; a replay gets the same answer, another body 422, after a restart too', async () => {
    const { database, config, secretFile } = await setUp();
    const relay = (world as World).relay;
    const { token } = await enrol(relay);
    const story = validStory();
    const key = randomUUID();
    const first = await postStory(relay, token, story, key);
    expect(first.status).toBe(201);
    const receipt = await first.json();

    const stored = JSON.stringify(await idempotencyRows(relay));
    for (const hash of unkeyedHashes(story)) expect(stored).not.toContain(hash);
    expect(stored).toMatch(/"body_hash":"v2:[0-9a-f]{8}:[0-9a-f]{64}"/);

    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    const secret = readFileSync(secretFile, 'utf8');
    expect(secret.trim().length).toBeGreaterThanOrEqual(32);
    expect(stored).not.toContain(secret.trim());
    // Nowhere a stolen database, a backup of it or the logs would hold: every table, the files, the log.
    expect(await wholeDatabase(relay)).not.toContain(secret.trim());
    for (const file of databaseFiles(database)) expect(file.includes(secret.trim())).toBe(false);
    expect(relay.logs.join('\n')).not.toContain(secret.trim());

    const again = await postStory(relay, token, story, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(receipt);
    const other = await postStory(relay, token, { ...story, title: 'Another title' }, key);
    expect(other.status).toBe(422);

    const second = await restart(database, config);
    expect(readFileSync(secretFile, 'utf8')).toBe(secret); // reused, not made again
    expect((await postStory(second, token, story, key)).status).toBe(200);
    expect((await postStory(second, token, { ...story, title: 'Another title' }, key)).status).toBe(422);
  });

  it('a record made with another secret (the file lost) is replayed to the device that made it only', async () => {
    const { database, config } = await setUp();
    const relay = (world as World).relay;
    const [a, b] = [await enrol(relay), await enrol(relay)];
    const story = validStory();
    const key = randomUUID();
    const first = await postStory(relay, a.token, story, key);
    expect(first.status).toBe(201);
    const receipt = await first.json();

    const second = await restart(database, {
      ...config,
      hashSecret: 'another-secret-of-at-least-32-characters',
    });
    expect(second.logs.join('\n')).toContain('"event":"fingerprints-other-secret"');
    const again = await postStory(second, a.token, story, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(receipt);
    expect((await postStory(second, b.token, story, key)).status).toBe(422);
  });

  it('re-keys a row that holds a bare SHA-256 from before, and still tells a replay from a reused key', async () => {
    const { database, config } = await setUp();
    const relay = (world as World).relay;
    const { token, deviceId } = await enrol(relay);
    const story = validStory();
    const key = randomUUID();
    const at = Date.now();
    await relay.services.store.db
      .insertInto('idempotency')
      .values({
        key,
        device_id: deviceId,
        body_hash: bodyHash(story), // what the relay kept before this change
        state: 'done',
        owner: null,
        lease_until: at,
        created_at: at,
        status: 201,
        answer: JSON.stringify({ id: 'from-before', status: 'received' }),
        completed_at: at,
      })
      .execute();

    const second = await restart(database, config);
    const stored = JSON.stringify(await idempotencyRows(second));
    for (const hash of unkeyedHashes(story)) expect(stored).not.toContain(hash);
    expect(second.logs.join('\n')).toContain('"event":"fingerprints-rekeyed"');
    const again = await postStory(second, token, story, key);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ id: 'from-before' });
    expect((await postStory(second, token, { ...story, title: 'Another title' }, key)).status).toBe(422);
  });
});

type Outcome = { code: number | null; stderr: string; stdout: string };

/** Runs the relay process until it exits, or until it says it is listening (then stops it). */
function run(env: Record<string, string>): Promise<Outcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
    env: {
      PATH: process.env.PATH,
      CARE_OPINION_API: 'http://127.0.0.1:9/api/v2',
      CARE_OPINION_KEY: KEY,
      RELAY_ADMIN_TOKEN: ADMIN,
      RELAY_PORT: '0',
      RELAY_SERVE_APP: '0',
      ...env,
    },
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

const PROCESS_MS = 90_000; // each start runs tsx; two starts on a busy 2-core machine

describe('the fingerprint secret at start (the process)', { timeout: PROCESS_MS }, () => {
  it('makes the file 0600 at first start and reads the same one at the next', async () => {
    const dir = tempDir();
    const database = `sqlite:${dir}/data/relay.db`;
    const first = await run({ RELAY_DATABASE: database });
    expect(first.stdout).toContain('"relay listening"');
    const file = join(dir, 'data', HASH_SECRET_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8');
    const second = await run({ RELAY_DATABASE: database });
    expect(second.stdout).toContain('"relay listening"');
    expect(readFileSync(file, 'utf8')).toBe(secret);
  });

  it('takes RELAY_STATE_DIR for the file', async () => {
    const state = tempDir();
    const started = await run({ RELAY_DATABASE: `sqlite:${tempDir()}/relay.db`, RELAY_STATE_DIR: state });
    expect(started.stdout).toContain('"relay listening"');
    expect(statSync(join(state, HASH_SECRET_FILE)).mode & 0o777).toBe(0o600);
  });

  it('exits 2 when RELAY_HASH_SECRET is shorter than 32 characters, naming it', async () => {
    const outcome = await run({
      RELAY_DATABASE: `sqlite:${tempDir()}/relay.db`,
      RELAY_HASH_SECRET: 'x'.repeat(31),
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^relay: RELAY_HASH_SECRET is too short: at least 32 characters/);
  });

  it('exits 2 on Postgres with neither RELAY_HASH_SECRET nor RELAY_STATE_DIR, naming it', async () => {
    const outcome = await run({ RELAY_DATABASE: 'postgres://relay@127.0.0.1:1/relay' });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/^relay: Missing required environment variable RELAY_HASH_SECRET/);
  });

  it('exits 2 when the secret file can be read by others, naming it', async () => {
    const dir = tempDir();
    const file = join(dir, HASH_SECRET_FILE);
    writeFileSync(file, `${'s'.repeat(40)}\n`);
    chmodSync(file, 0o644);
    const outcome = await run({ RELAY_DATABASE: `sqlite:${dir}/relay.db` });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain(`relay: ${file} can be read by others`);
  });
});
