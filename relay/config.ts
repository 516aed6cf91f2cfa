// The relay's configuration, read once from environment variables (README.md, "Configuration").
// A missing or invalid variable is named in a ConfigError; main.ts prints it and exits with 2.
import { z } from 'zod';

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
};

export class ConfigError extends Error {}

const REQUIRED = ['CARE_OPINION_API', 'CARE_OPINION_KEY', 'RELAY_ADMIN_TOKEN'] as const;
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

export function loadConfig(env: NodeJS.ProcessEnv): RelayConfig {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Missing required environment variable ${missing.join(', ')} (see relay/README.md)`,
    );
  }
  const upstream = read(env, 'CARE_OPINION_API', HttpUrl, '').replace(/\/+$/, '');
  return {
    upstream,
    upstreamKey: env.CARE_OPINION_KEY as string,
    adminToken: env.RELAY_ADMIN_TOKEN as string,
    database: parseDatabase(env.RELAY_DATABASE || DEFAULT_DATABASE),
    port: read(env, 'RELAY_PORT', Port, '8788'),
    host: env.RELAY_HOST || '127.0.0.1',
    upstreamRate: read(env, 'RELAY_UPSTREAM_RATE', Rate, '5'),
    appUrl: env.RELAY_APP_URL ? read(env, 'RELAY_APP_URL', HttpUrl, '') : undefined,
    organisation: env.RELAY_ORGANISATION?.trim() ?? '',
    appOrigins: origins(env.RELAY_APP_ORIGINS),
  };
}
