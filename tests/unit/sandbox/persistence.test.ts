// With a data folder, received stories and their idempotency records survive a restart; reset
// forgets them (and truncates the file).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../sandbox/server.ts';
import { getControl, postStory, type Received, startTestSandbox, validStory } from './helpers.ts';

let dataDir: string;
let server: SandboxServer | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sandbox-test-'));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<SandboxServer> {
  await server?.close();
  server = await startTestSandbox({ dataDir });
  return server;
}

describe('the data folder', () => {
  it('keeps received stories and idempotency records across a restart', async () => {
    const key = randomUUID();
    const first = await postStory(await restart(), validStory(), { key });
    const receipt = await first.json();
    const before = await getControl<Received[]>(await restart(), '/received');
    expect(before).toEqual([
      expect.objectContaining({ id: receipt.id, idempotencyKey: key, body: validStory() }),
    ]);
    const replay = await postStory(server as SandboxServer, validStory(), { key });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(receipt);
    const other = await postStory(server as SandboxServer, { ...validStory(), title: 'Changed' }, { key });
    expect(other.status).toBe(422);
  });

  it('appends one JSON line per story and skips a line cut short by a crash', async () => {
    const live = await restart();
    await postStory(live, validStory());
    await postStory(live, { ...validStory(), title: 'Second' });
    const file = join(dataDir, 'received.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(2);
    await writeFile(file, `${lines.join('\n')}\n{"id":"torn`);
    const titles = (await getControl<Received[]>(await restart(), '/received')).map((s) => s.title);
    expect(titles).toEqual([validStory().title, 'Second']);
  });

  it('forgets everything on reset, the file included', async () => {
    const key = randomUUID();
    const live = await restart();
    await postStory(live, validStory(), { key });
    const reset = await fetch(`${live.origin}/__sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(await getControl<Received[]>(live, '/received')).toEqual([]);
    expect(await readFile(join(dataDir, 'received.jsonl'), 'utf8')).toBe('');
    expect(await getControl<Received[]>(await restart(), '/received')).toEqual([]);
    expect((await postStory(server as SandboxServer, validStory(), { key })).status).toBe(201);
  });
});
