// `npm run relay` as a real process: it starts from environment variables alone, and on SIGTERM
// stops accepting, lets the story in flight reach the sandbox and answers it, then exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxServer } from '../../sandbox/server.ts';
import {
  getControl,
  heldKeys,
  holdStories,
  KEY,
  type SandboxStats,
  startTestSandbox,
} from '../sandbox/helpers.ts';
import { sqliteUrl } from './databases.ts';
import { ADMIN, enrol, postStory, waitFor } from './harness.ts';

function startProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'relay/main.ts'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const entry = JSON.parse(line) as { msg: string; url?: string };
      if (entry.msg === 'relay listening') resolve({ child, url: entry.url as string, lines });
    });
    child.once('exit', (code) => reject(new Error(`the relay exited with ${code}`)));
  });
}

describe('the relay process', () => {
  let sandbox: SandboxServer | undefined;
  let child: ChildProcess | undefined;
  afterEach(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await sandbox?.close();
  });

  it('finishes the story in flight on SIGTERM, then exits 0', async () => {
    sandbox = await startTestSandbox();
    const database = sqliteUrl();
    const relay = await startProcess({
      CARE_OPINION_API: sandbox.url,
      CARE_OPINION_KEY: KEY,
      RELAY_ADMIN_TOKEN: ADMIN,
      RELAY_DATABASE: `sqlite:${database.kind === 'sqlite' ? database.path : ''}`,
      RELAY_PORT: '0',
    });
    child = relay.child;
    const { token } = await enrol(relay);
    await holdStories(sandbox, 'hold');
    const inFlight = postStory(relay, token);
    await waitFor(
      () => heldKeys(sandbox!),
      (held) => held.length === 1,
    );
    const exited = new Promise<number | null>((resolve) => relay.child.once('exit', resolve));
    relay.child.kill('SIGTERM');
    // The story is still upstream when the relay hears SIGTERM; only then does the sandbox answer it.
    const messages = async () => relay.lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    await waitFor(messages, (msgs) => msgs.some((msg) => msg.startsWith('relay stopping')));
    expect(relay.child.exitCode, 'the relay waits for the story in flight').toBeNull();
    await holdStories(sandbox, 'release');
    expect((await inFlight).status).toBe(201);
    expect(await exited).toBe(0);
    expect(relay.lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toContain('relay stopped');
    expect((await getControl<SandboxStats>(sandbox, '/stats')).stored).toBe(1);
  });
});
