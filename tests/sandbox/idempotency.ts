// Real idempotency for POST /opinions: a key is "in progress" while its request runs, "completed"
// once its story is stored (then replayed for a deep-equal body), and free again otherwise.
import { createHash } from 'node:crypto';

export const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export type Receipt = { id: string; status: 'received'; links: { rel: string; href: string }[] };

export type CompletedKey = { key: string; fingerprint: string; receipt: Receipt; storedAt: number };

export type KeyCheck =
  | { kind: 'new' }
  | { kind: 'in-progress' }
  | { kind: 'replay'; receipt: Receipt }
  | { kind: 'mismatch' };

export type IdempotencyStore = {
  check(key: string, fingerprint: string): KeyCheck;
  begin(key: string): void;
  release(key: string): void;
  complete(record: CompletedKey): void;
  countInProgress(): number;
  clear(): void;
};

/** JSON with object keys sorted at every level, so key order never makes two bodies differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function createIdempotencyStore(now: () => number, completed: CompletedKey[] = []): IdempotencyStore {
  const inProgress = new Set<string>();
  const done = new Map(completed.map((record) => [record.key, record]));
  const prune = () => {
    const oldest = now() - RETENTION_MS;
    for (const [key, record] of done) if (record.storedAt < oldest) done.delete(key);
  };
  return {
    check(key, fingerprint) {
      prune();
      if (inProgress.has(key)) return { kind: 'in-progress' };
      const record = done.get(key);
      if (!record) return { kind: 'new' };
      return record.fingerprint === fingerprint
        ? { kind: 'replay', receipt: record.receipt }
        : { kind: 'mismatch' };
    },
    begin: (key) => void inProgress.add(key),
    release: (key) => void inProgress.delete(key),
    complete(record) {
      inProgress.delete(record.key);
      done.set(record.key, record);
    },
    countInProgress: () => inProgress.size,
    clear() {
      inProgress.clear();
      done.clear();
    },
  };
}
