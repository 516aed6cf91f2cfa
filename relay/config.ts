// The relay's configuration, read once from environment variables (README.md, "Configuration").
// A missing or invalid variable is named in a ConfigError; main.ts prints it and exits with 2.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** True in the bundle `npm run release` builds (esbuild defines it); the release's defaults differ. */
declare const __RELAY_RELEASE__: boolean;
export const IN_RELEASE = typeof __RELAY_RELEASE__ !== 'undefined' && __RELAY_RELEASE__;
/** The release's admin listener when RELAY_ADMIN_PORT is not set (DEPLOY.md). */
export const RELEASE_ADMIN_PORT = 8789;

/** RELAY_EXPORT_KEY's shape: a private EC P-256 JWK (other members, such as key_ops, are ignored). */
export const PrivateJwkSchema = z.object({
  kty: z.literal('EC'),
  crv: z.literal('P-256'),
  x: z.string().regex(/^[A-Za-z0-9_-]+$/),
  y: z.string().regex(/^[A-Za-z0-9_-]+$/),
  d: z.string().regex(/^[A-Za-z0-9_-]+$/),
});
export type PrivateJwk = z.infer<typeof PrivateJwkSchema>;

export type DatabaseUrl = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export type RelayConfig = {
  upstream: string;
  upstreamKey: string;
  adminToken: string;
  database: DatabaseUrl;
  port: number;
  host: string;
  upstreamRate: number;
  appUrl: string | undefined;
  /** Shown to devices by GET /api/v2/relay (not in the table: optional, default empty). */
  organisation: string;
  /** Undefined: any origin (device tokens are the access control). */
  appOrigins: string[] | undefined;
  /** The relay's address for app-config.json, enrolment links and QR codes (never the Host header). */
  publicUrl?: string | undefined;
  /** The built app served at / (one origin); undefined: not served. */
  appDir?: string | undefined;
  /** The admin page and /admin/api on a listener of their own (undefined: the main port). */
  adminPort?: number | undefined;
  /** Proxies (addresses or ranges) whose X-Forwarded-For names the client. */
  trustProxy?: string[];
  /** Who may read /metrics (addresses or ranges; default loopback). */
  metricsFrom?: string[];
  /** The app's region for app-config.json. */
  region?: 'uk' | 'au' | 'ie' | 'ca';
  /** RELAY_HASH_SECRET: the key of the stories' body fingerprints (bodyHash.ts); else a file. */
  hashSecret?: string | undefined;
  /** RELAY_STATE_DIR: where the fingerprint secret's file is kept (default: the SQLite file's folder). */
  stateDir?: string | undefined;
  /** RELAY_EXPORT_KEY: the export key's private JWK; unset, the relay makes one in its database. */
  exportKey?: PrivateJwk | undefined;
};

export class ConfigError extends Error {}

const REQUIRED = ['CARE_OPINION_API', 'CARE_OPINION_KEY', 'RELAY_ADMIN_TOKEN'] as const;
/** The admin token's least length (issue 22, item 2): a password nobody guesses. */
export const MIN_ADMIN_TOKEN = 32;
/** The body fingerprints' secret's least length (issue 22, item 5). */
export const MIN_HASH_SECRET = 32;
export const DEFAULT_DATABASE = 'sqlite:.relay-data/relay.db';

const HttpUrl = z.url({ protocol: /^https?$/ });
const Port = z.coerce.number().int().min(0).max(65535);
const Rate = z.coerce.number().positive();

export function parseDatabase(value: string): DatabaseUrl {
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path) return { kind: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  throw new ConfigError('RELAY_DATABASE must be sqlite:<path> or postgres://…');
}

function read<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>, fallback: string): T {
  const parsed = schema.safeParse(env[name] || fallback);
  if (!parsed.success) throw new ConfigError(`${name} is not valid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

function origins(value: string | undefined): string[] | undefined {
  const list = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1`: checked here so a typo stops the relay instead of trusting no one. */
function addresses(env: NodeJS.ProcessEnv, name: string, fallback: string): string[] {
  const list = (env[name] || fallback)
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  for (const item of list) {
    const [address, bits, extra] = item.split('/');
    const family = isIP(address ?? '');
    const max = family === 6 ? 128 : 32;
    const ok =
      family !== 0 &&
      extra === undefined &&
      (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max));
    if (!ok) throw new ConfigError(`${name} is not valid: "${item}" is not an address or range`);
  }
  return list;
}

/** The built app: RELAY_APP_DIR, else `app/` beside the release's server, else the repository's `dist/`. */
function appFolder(env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.RELAY_SERVE_APP ?? '';
  if (!['', '0', '1'].includes(setting)) throw new ConfigError('RELAY_SERVE_APP must be 0 or 1');
  if (setting === '0') return undefined;
  const dir =
    env.RELAY_APP_DIR || fileURLToPath(new URL(IN_RELEASE ? '../app/' : '../dist/', import.meta.url));
  const found = existsSync(`${dir.replace(/\/+$/, '')}/index.html`);
  if (!found && (setting === '1' || IN_RELEASE || env.RELAY_APP_DIR)) {
    throw new ConfigError(
      `RELAY_SERVE_APP: no built app (index.html) in ${dir}; build it (npm run build) or set RELAY_SERVE_APP=0`,
    );
  }
  return found ? dir : undefined;
}

/** This machine: `localhost`, 127.0.0.0/8 or ::1 (a URL's hostname, already normalised by URL). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** RELAY_HASH_SECRET, when set: at least 32 characters, or the relay refuses to start. */
function hashSecretOf(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.RELAY_HASH_SECRET;
  if (!secret) return undefined;
  if (secret.length < MIN_HASH_SECRET) {
    throw new ConfigError(
      `RELAY_HASH_SECRET is too short: at least ${MIN_HASH_SECRET} characters (for example \`openssl rand -base64 33\`)`,
    );
  }
  return secret;
}

/** RELAY_EXPORT_KEY, when set: a private EC P-256 JWK as JSON (never quoted back in the message). */
function exportKeyOf(env: NodeJS.ProcessEnv): PrivateJwk | undefined {
  const text = env.RELAY_EXPORT_KEY;
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = PrivateJwkSchema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigError(
      'RELAY_EXPORT_KEY is not valid: a private EC P-256 key as a JSON Web Key, {"kty":"EC","crv":"P-256","x":…,"y":…,"d":…} (relay/README.md)',
    );
  }
  return parsed.data;
}

export function loadConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Missing required environment variable ${missing.join(', ')} (see relay/README.md)`,
    );
  }
  const upstream = read(env, 'CARE_OPINION_API', HttpUrl, '').replace(/\/+$/, '');
  if (new URL(upstream).protocol === 'http:' && !isLoopback(new URL(upstream).hostname)) {
    throw new ConfigError(
      'CARE_OPINION_API must be https:// (plain http:// only to this machine: localhost, 127.0.0.0/8 or ::1)',
    );
  }
  if ((env.RELAY_ADMIN_TOKEN as string).length < MIN_ADMIN_TOKEN) {
    throw new ConfigError(
      `RELAY_ADMIN_TOKEN is too short: at least ${MIN_ADMIN_TOKEN} characters (for example \`openssl rand -base64 33\`)`,
    );
  }
  const hashSecret = hashSecretOf(env);
  const database = parseDatabase(env.RELAY_DATABASE || DEFAULT_DATABASE);
  if (database.kind === 'postgres' && !hashSecret && !env.RELAY_STATE_DIR) {
    throw new ConfigError(
      'Missing required environment variable RELAY_HASH_SECRET (or RELAY_STATE_DIR) with Postgres: every instance must fingerprint stories with the same secret (README.md)',
    );
  }
  if (IN_RELEASE && !env.RELAY_PUBLIC_URL) {
    throw new ConfigError(
      'Missing required environment variable RELAY_PUBLIC_URL: the https:// address iPads reach the relay at (DEPLOY.md)',
    );
  }
  const adminPort = env.RELAY_ADMIN_PORT
    ? read(env, 'RELAY_ADMIN_PORT', Port, '')
    : IN_RELEASE
      ? RELEASE_ADMIN_PORT
      : undefined;
  return {
    upstream,
    upstreamKey: env.CARE_OPINION_KEY as string,
    adminToken: env.RELAY_ADMIN_TOKEN as string,
    database,
    port: read(env, 'RELAY_PORT', Port, '8788'),
    host: env.RELAY_HOST || '127.0.0.1',
    upstreamRate: read(env, 'RELAY_UPSTREAM_RATE', Rate, '5'),
    appUrl: env.RELAY_APP_URL ? read(env, 'RELAY_APP_URL', HttpUrl, '') : undefined,
    organisation: env.RELAY_ORGANISATION?.trim() ?? '',
    appOrigins: origins(env.RELAY_APP_ORIGINS),
    publicUrl: env.RELAY_PUBLIC_URL
      ? read(env, 'RELAY_PUBLIC_URL', HttpUrl, '').replace(/\/+$/, '')
      : undefined,
    appDir: appFolder(env),
    adminPort,
    trustProxy: addresses(env, 'RELAY_TRUST_PROXY', ''),
    metricsFrom: addresses(env, 'RELAY_METRICS_FROM', '127.0.0.0/8,::1'),
    region: read(env, 'RELAY_REGION', z.enum(['uk', 'au', 'ie', 'ca']), 'uk'),
    hashSecret,
    stateDir: env.RELAY_STATE_DIR || undefined,
    exportKey: exportKeyOf(env),
  };
}
