// The release's deployment files, checked by Debian's own tools (installed by apt when root, as the
// other tools are; never skipped): the systemd unit by `systemd-analyze verify` (and its exposure
// score by `systemd-analyze security --offline`), the nginx example by `nginx -t` with a
// throwaway certificate. The environment file names every setting the unit and DEPLOY.md rely on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT, KIB, MIB, STORY_BODY_LIMIT } from '../../../relay/app.ts';
import { SEALED_FILE_MAX_BYTES } from '../../../relay/shared.ts';
import { ensureDebianTool } from '../../tools/debian.ts';

const DEPLOY = 'relay/deploy';
const read = (name: string) => readFileSync(join(DEPLOY, name), 'utf8');

const which = (paths: string[]) => () => paths.find((path) => existsSync(path)) ?? null;

describe('the deployment files', () => {
  it('the systemd unit verifies cleanly, hardened (exposure ≤ 2.0 of 10)', () => {
    const analyze = ensureDebianTool({
      what: 'systemd-analyze, to check the relay’s unit file',
      install: 'apt-get update && apt-get install -y systemd',
      find: which(['/usr/bin/systemd-analyze', '/bin/systemd-analyze']),
    });
    const dir = mkdtempSync(join(tmpdir(), 'relay-unit-'));
    // verify checks ExecStart's program exists: point it at this machine's node.
    const unit = read('story-relay.service').replace('/usr/bin/node', process.execPath);
    writeFileSync(join(dir, 'story-relay.service'), unit);
    const verify = spawnSync(analyze, ['verify', join(dir, 'story-relay.service')], { encoding: 'utf8' });
    expect({ status: verify.status, stderr: verify.stderr }).toEqual({ status: 0, stderr: '' });
    const security = spawnSync(analyze, ['security', '--offline=true', join(dir, 'story-relay.service')], {
      encoding: 'utf8',
    });
    const score = Number(
      /Overall exposure level for story-relay\.service: ([\d.]+)/.exec(security.stdout)?.[1],
    );
    expect(score).toBeLessThanOrEqual(2);
    for (const line of [
      'NoNewPrivileges=yes',
      'ProtectSystem=strict',
      'StateDirectory=story-relay',
      'EnvironmentFile=/etc/story-relay/relay.env',
      'DynamicUser=yes',
    ]) {
      expect(unit).toContain(line);
    }
  });

  it('the nginx example passes nginx -t with a throwaway certificate, and hides /metrics', () => {
    const nginx = ensureDebianTool({
      what: 'nginx, to check the relay’s proxy example',
      install: 'apt-get update && apt-get install -y nginx-light',
      find: which(['/usr/sbin/nginx', '/usr/bin/nginx']),
    });
    const openssl = ensureDebianTool({
      what: 'openssl, for a throwaway certificate',
      install: 'apt-get update && apt-get install -y openssl',
      find: which(['/usr/bin/openssl']),
    });
    const dir = mkdtempSync(join(tmpdir(), 'relay-nginx-'));
    const made = spawnSync(openssl, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=stories.example.nhs.uk',
      '-keyout',
      join(dir, 'privkey.pem'),
      '-out',
      join(dir, 'fullchain.pem'),
    ]);
    expect(made.status).toBe(0);
    const example = read('nginx.conf');
    writeFileSync(join(dir, 'story-relay.conf'), example.replaceAll('/etc/ssl/story-relay', dir));
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  include ${dir}/story-relay.conf;\n}\n`,
    );
    const tested = spawnSync(nginx, ['-t', '-q', '-p', dir, '-e', 'stderr', '-c', join(dir, 'nginx.conf')], {
      encoding: 'utf8',
    });
    expect({ status: tested.status, stderr: tested.stderr }).toEqual({ status: 0, stderr: '' });
    // The relay's limits (relay/app.ts BODY_LIMITS): 4 KiB on each host, 1 MiB only where stories go,
    // 10 MiB only where a sealed file is imported.
    const host = (name: string) =>
      example.split(/^server \{$/m).find((block) => block.includes(`server_name ${name};`)) ?? '';
    const limits = (block: string) => [...block.matchAll(/client_max_body_size (\S+);/g)].map((m) => m[1]);
    const adminHost = host('stories-admin.example.nhs.uk');
    expect(limits(adminHost)).toEqual([`${BODY_LIMIT / KIB}k`, `${SEALED_FILE_MAX_BYTES / MIB}m`]);
    expect(adminHost).toMatch(/location = \/admin\/api\/imports \{\s+client_max_body_size 10m;/);
    const app = host('stories.example.nhs.uk');
    expect(limits(app)).toEqual([`${BODY_LIMIT / KIB}k`, `${STORY_BODY_LIMIT / MIB}m`]);
    expect(app).toMatch(/location \/api\/ \{\s+(#.*\s+)*client_max_body_size 1m;/);
    expect(example).toContain('listen 443 ssl http2;');
    expect(example).toContain('proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;');
    expect(example.match(/location = \/metrics \{\s+return 404;\s+\}/g)).toHaveLength(2);
  });

  it('the environment file sets what DEPLOY.md and the unit rely on', () => {
    const env = read('relay.env');
    for (const name of [
      'CARE_OPINION_API',
      'CARE_OPINION_KEY',
      'RELAY_ADMIN_TOKEN',
      'RELAY_PUBLIC_URL',
      'RELAY_ADMIN_PORT',
      'RELAY_TRUST_PROXY',
      'RELAY_METRICS_FROM',
      'RELAY_DATABASE=sqlite:/var/lib/story-relay/relay.db',
    ]) {
      expect(env).toMatch(new RegExp(`^${name}`, 'm'));
    }
    const deploy = read('DEPLOY.md');
    for (const topic of [
      'TLS',
      'sqlite3',
      '.backup',
      'pg_dump',
      'Restore',
      'CARE_OPINION_KEY',
      'RELAY_ADMIN_TOKEN',
      'roll back',
      'sslmode',
      '400 iPads',
    ]) {
      expect(deploy, topic).toContain(topic);
    }
  });
});
