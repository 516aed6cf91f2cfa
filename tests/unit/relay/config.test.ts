// The relay's configuration from the environment, and `npm run relay` refusing to start without a
// required variable (exit code 2, naming it).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../relay/config.ts';

const REQUIRED = {
  CARE_OPINION_API: 'https://co.example/api/v2/',
  CARE_OPINION_KEY: 'k',
  RELAY_ADMIN_TOKEN: 't'.repeat(32),
};

describe('relay configuration', () => {
  it('reads the defaults of the issue table', () => {
    expect(loadConfig({ ...REQUIRED, RELAY_SERVE_APP: '0' })).toEqual({
      upstream: 'https://co.example/api/v2',
      upstreamKey: 'k',
      adminToken: 't'.repeat(32),
      database: { kind: 'sqlite', path: '.relay-data/relay.db' },
      port: 8788,
      host: '127.0.0.1',
      upstreamRate: 5,
      appUrl: undefined,
      organisation: '',
      appOrigins: undefined,
      publicUrl: undefined,
      appDir: undefined,
      adminPort: undefined,
      trustProxy: [],
      metricsFrom: ['127.0.0.0/8', '::1'],
      region: 'uk',
    });
  });

  it('reads the production settings: public address, admin port, proxy, metrics, the app folder', () => {
    const config = loadConfig({
      ...REQUIRED,
      RELAY_PUBLIC_URL: 'https://stories.example.nhs.uk/',
      RELAY_ADMIN_PORT: '8789',
      RELAY_TRUST_PROXY: '10.0.0.0/8, ::1',
      RELAY_METRICS_FROM: '192.0.2.7',
      RELAY_SERVE_APP: '1',
      RELAY_APP_DIR: 'tests/fixtures/app',
      RELAY_REGION: 'ie',
    });
    expect(config).toMatchObject({
      publicUrl: 'https://stories.example.nhs.uk',
      adminPort: 8789,
      trustProxy: ['10.0.0.0/8', '::1'],
      metricsFrom: ['192.0.2.7'],
      appDir: 'tests/fixtures/app',
      region: 'ie',
    });
  });

  it.each([
    ['RELAY_TRUST_PROXY', '10.0.0.0/40'],
    ['RELAY_TRUST_PROXY', 'proxy.example'],
    ['RELAY_METRICS_FROM', '1.2.3'],
    ['RELAY_ADMIN_PORT', 'admin'],
    ['RELAY_PUBLIC_URL', 'stories.example'],
    ['RELAY_SERVE_APP', 'yes'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ ...REQUIRED, [name]: value })).toThrow(new RegExp(name));
  });

  it('refuses RELAY_SERVE_APP=1 without a built app, saying how to fix it', () => {
    expect(() =>
      loadConfig({ ...REQUIRED, RELAY_SERVE_APP: '1', RELAY_APP_DIR: '/nonexistent/app' }),
    ).toThrow(/no built app \(index.html\) in \/nonexistent\/app.*RELAY_SERVE_APP=0/);
  });

  it('reads RELAY_EXPORT_KEY as a private EC P-256 JWK, and refuses anything else without quoting it', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'eA', y: 'eQ', d: 'ZA', key_ops: ['deriveBits'] };
    const base = { ...REQUIRED, RELAY_SERVE_APP: '0' };
    expect(loadConfig({ ...base, RELAY_EXPORT_KEY: JSON.stringify(jwk) }).exportKey).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: 'eA',
      y: 'eQ',
      d: 'ZA',
    });
    for (const bad of [
      'not json secret-d',
      JSON.stringify({ ...jwk, d: undefined }),
      JSON.stringify({ ...jwk, crv: 'P-384' }),
    ]) {
      const load = () => loadConfig({ ...base, RELAY_EXPORT_KEY: bad });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/^RELAY_EXPORT_KEY is not valid/);
      expect(load).not.toThrow(/secret-d/);
    }
  });

  it('reads Postgres, origins, rate and the app URL', () => {
    const config = loadConfig({
      ...REQUIRED,
      RELAY_DATABASE: 'postgres://relay@db/relay',
      RELAY_HASH_SECRET: 'h'.repeat(32),
      RELAY_APP_ORIGINS: 'https://a.example, https://b.example',
      RELAY_UPSTREAM_RATE: '2.5',
      RELAY_APP_URL: 'https://app.example/',
    });
    expect(config).toMatchObject({
      database: { kind: 'postgres', url: 'postgres://relay@db/relay' },
      hashSecret: 'h'.repeat(32),
      appOrigins: ['https://a.example', 'https://b.example'],
      upstreamRate: 2.5,
      appUrl: 'https://app.example/',
    });
  });

  it.each(Object.keys(REQUIRED))('names a missing %s', (name) => {
    const env: Record<string, string> = { ...REQUIRED };
    delete env[name];
    expect(() => loadConfig(env)).toThrow(
      new ConfigError(`Missing required environment variable ${name} (see relay/README.md)`),
    );
  });

  it.each([
    ['RELAY_DATABASE', 'mysql://x'],
    ['RELAY_PORT', 'eighty'],
    ['RELAY_UPSTREAM_RATE', '0'],
    ['CARE_OPINION_API', 'ftp://co.example'],
  ])('refuses %s=%s, naming it', (name, value) => {
    expect(() => loadConfig({ ...REQUIRED, [name]: value })).toThrow(name);
  });

  it('exits with code 2 and the variable name when started without it', () => {
    const { CARE_OPINION_KEY: _, ...env } = REQUIRED;
    const run = spawnSync('node_modules/.bin/tsx', ['relay/main.ts'], {
      env: { PATH: process.env.PATH, ...env },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('CARE_OPINION_KEY');
  });
});
