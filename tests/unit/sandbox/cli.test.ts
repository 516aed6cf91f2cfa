// The standalone command: it prints where it listens, takes its flags, and stops cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

describe('tests/sandbox/cli.ts', () => {
  it('prints its address and key, serves with the flags given, and exits 0 on SIGTERM', async () => {
    const args = [
      '--import',
      'tsx',
      'tests/sandbox/cli.ts',
      '--port',
      '0',
      '--key',
      'cli-key',
      '--services',
      '60',
    ];
    const started = spawn(process.execPath, [...args, '--rate', '2', '--faults', '{"latencyMs":[0,1]}']);
    child = started;
    let output = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await vi.waitFor(
      () => expect(output).toMatch(/Sandbox Care Opinion at http:\/\/127\.0\.0\.1:\d+\/api\/v2/),
      {
        timeout: 20_000,
      },
    );
    expect(output).toContain('(key: cli-key)');
    const url = /(http:\/\/\S+\/api\/v2)/.exec(output)?.[1] ?? '';
    const res = await fetch(`${url}/healthservices?take=100`, {
      headers: { Authorization: 'SUBSCRIPTION_KEY cli-key' },
    });
    expect(res.headers.get('x-total-count')).toBe('60');
    const faults = await fetch(url.replace('/api/v2', '/__sandbox/faults'));
    expect(await faults.json()).toEqual({ latencyMs: [0, 1] });
    const exited = once(started, 'exit');
    started.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
  });

  it('refuses a bad flag with a usage message and exit code 2', async () => {
    const started = spawn(process.execPath, [
      '--import',
      'tsx',
      'tests/sandbox/cli.ts',
      '--faults',
      '{"hang":3}',
    ]);
    child = started;
    let errors = '';
    started.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    const [code] = await once(started, 'exit');
    expect(code).toBe(2);
    expect(errors).toContain('Usage:');
  });
});
