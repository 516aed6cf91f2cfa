// The production headers (tests/tools/headers.ts) and that `npm start`'s server really sends them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITES } from '../../../src/domain/regions/regions.ts';
import { startAppServer } from '../../tools/appServer.ts';
import {
  CARE_OPINION_API_ORIGINS,
  connectOrigins,
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  securityHeaders,
} from '../../tools/headers.ts';

const directives = (policy: string) =>
  new Map(policy.split(/;\s*/).map((d) => [d.split(' ')[0] ?? '', d.split(' ').slice(1).join(' ')]));

describe('the header template', () => {
  it('limits connections to the app and the configured API origin, and forbids framing', () => {
    const policy = directives(contentSecurityPolicy('https://relay.example.org'));
    expect(policy.get('connect-src')).toBe("'self' https://relay.example.org");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(directives(contentSecurityPolicy(null)).get('connect-src')).toBe("'self'");
  });

  it('sets HSTS, no referrer and a Permissions-Policy that turns off what the app never uses', () => {
    const headers = securityHeaders(null);
    expect(headers['Strict-Transport-Security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(headers['Referrer-Policy']).toBe('no-referrer');
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()'])
      expect(headers['Permissions-Policy']).toContain(feature);
  });
});

describe("index.html's fallback policy (a host that sends no headers)", () => {
  const local = 'http://localhost:* http://127.0.0.1:*';

  it("fails closed: itself, the build's origins and this machine, never any https: origin", () => {
    const policy = directives(metaContentSecurityPolicy(['https://relay.example.org']));
    expect(policy.get('connect-src')).toBe(`'self' https://relay.example.org ${local}`);
    expect(directives(metaContentSecurityPolicy([])).get('connect-src')).toBe(`'self' ${local}`);
    // The rest is the header's, but framing can only be forbidden by the header.
    const header = directives(contentSecurityPolicy(null));
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'object-src', 'base-uri'])
      expect(policy.get(name), name).toBe(header.get(name));
    expect(policy.has('frame-ancestors')).toBe(false);
  });

  it("defaults to Care Opinion's regional API origins, from the regions table", () => {
    expect(connectOrigins(undefined)).toEqual(Object.values(SITES).map((site) => `https://${site.host}`));
    expect(CARE_OPINION_API_ORIGINS).toHaveLength(4);
    expect(connectOrigins('')).toEqual([]);
    expect(connectOrigins('https://relay.example.org, https://relay.example.net:8443')).toEqual([
      'https://relay.example.org',
      'https://relay.example.net:8443',
    ]);
  });

  it.each([
    'https:',
    'https://*.example.org',
    'http://relay.example.org',
    'https://relay.example.org/api/v2',
    'relay.example.org',
    '*',
  ])('stops the build on CONNECT_ORIGINS=%s', (value) => {
    expect(() => connectOrigins(value)).toThrow(/CONNECT_ORIGINS/);
  });
});

describe("npm start's server", () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'headers-'));
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    ['with the sandbox on the same origin', { sandbox: false as const, appConfig: false }, null],
    [
      'with an API elsewhere',
      { sandbox: false as const, appConfig: { apiAddress: 'https://relay.example.org/api/v2', key: '' } },
      'https://relay.example.org',
    ],
    [
      'with an API origin given (API_ORIGIN for npm start)',
      { sandbox: false as const, appConfig: false, apiOrigin: 'https://relay.example.org' },
      'https://relay.example.org',
    ],
  ])('sends the template %s', async (_, options, origin) => {
    const server = await startAppServer({ root, ...options });
    try {
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(200);
      for (const [name, value] of Object.entries(securityHeaders(origin)))
        expect(res.headers.get(name), name).toBe(value);
    } finally {
      await server.close();
    }
  });
});
