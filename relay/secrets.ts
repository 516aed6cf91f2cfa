// Device tokens and enrolment codes: random, shown once, stored only as SHA-256 hashes (they are
// long random secrets, so a fast hash is enough: nothing to guess from a stolen table). And the
// secret of the stories' body fingerprints (bodyHash.ts), kept outside the database.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, MIN_HASH_SECRET, type RelayConfig } from './config.ts';

/** The fingerprint secret's file in the state folder (RELAY_STATE_DIR, else beside the SQLite file). */
export const HASH_SECRET_FILE = 'hash-secret';

// Crockford's base32 without I, L, O, U: easy to read out and type on an iPad.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A code like `7K3Q-M9XW-2D`: 10 symbols, 50 bits. */
export function newEnrolmentCode(): string {
  const symbols = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return symbols.join('').replace(/(.{4})(.{4})(.{2})/, '$1-$2-$3');
}

/** What a person typed, in the stored form: case, spaces and dashes ignored, O read as 0, I/L as 1. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** Compares two secrets in constant time (the admin token). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(hashSecret(given));
  const b = Buffer.from(hashSecret(expected));
  return timingSafeEqual(a, b);
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Writes a new secret to `path` only if there is none: whole or not at all, 0600, never replacing one. */
function createSecretFile(path: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path); // atomic, and fails if another instance made it first: then theirs is used
  } catch (error) {
    if (codeOf(error) !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** The secret in `dir`'s file: made at first start (folder 0700, file 0600), read afterwards. */
export function hashSecretIn(dir: string): string {
  const path = join(dir, HASH_SECRET_FILE);
  let text: string;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!statSync(path, { throwIfNoEntry: false })) createSecretFile(path);
    if ((statSync(path).mode & 0o077) !== 0) {
      throw new ConfigError(
        `${path} can be read by others than the relay's user: chmod 600 it (RELAY_HASH_SECRET)`,
      );
    }
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `RELAY_HASH_SECRET: ${path} could not be read or created (${codeOf(error) ?? 'error'})`,
    );
  }
  if (text.length < MIN_HASH_SECRET) {
    throw new ConfigError(`${path} holds less than ${MIN_HASH_SECRET} characters (RELAY_HASH_SECRET)`);
  }
  return text;
}

/**
 * The fingerprints' secret: RELAY_HASH_SECRET, else the file in RELAY_STATE_DIR or beside the
 * SQLite file. An in-memory SQLite database (tests) gets a secret as short-lived as it is.
 */
export function bodySecret(config: RelayConfig): string {
  if (config.hashSecret) return config.hashSecret;
  const { database } = config;
  const dir =
    config.stateDir ??
    (database.kind === 'sqlite' && database.path !== ':memory:' ? dirname(database.path) : undefined);
  if (dir) return hashSecretIn(dir);
  if (database.kind === 'sqlite') return randomBytes(32).toString('base64url');
  throw new ConfigError(
    'Missing required environment variable RELAY_HASH_SECRET (or RELAY_STATE_DIR) with Postgres',
  );
}
